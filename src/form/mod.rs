//! The blank results spreadsheet a unit fills in (`baocao template`): the title
//! block, the header of `input-spreadsheet.md`, one heading row per task the unit
//! leads or coordinates with empty rows under it, input guards, and a `Hướng dẫn`
//! sheet. The file is built from the plan alone, so the same plan gives the same
//! bytes. Every word a user reads in the file comes from the form texts file
//! ([`texts`], `templates/form.json`), the status labels from the vocabulary
//! ([`crate::vocabulary`]); the plan gives names and titles. Layout (rows, column
//! widths, formats) is code.

mod guide;
mod sheet;
pub mod texts;

use std::ops::Range;

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook,
    Worksheet, XlsxError,
};

use crate::plan::{Plan, Role, Task, Unit};
use crate::text::dmy;
use crate::value::Status;
use crate::vocabulary::Vocabulary;

pub use texts::FormTexts;

/// 0-based column indexes of the header (the order of [`texts::Columns::in_order`]).
pub mod col {
    pub const NUMBER: u16 = 0;
    pub const TASK: u16 = 1;
    pub const ACTIVITY: u16 = 2;
    pub const QUANTITY: u16 = 3;
    pub const MEASURE: u16 = 4;
    pub const TIME: u16 = 5;
    pub const STATUS: u16 = 6;
    pub const CONTENT: u16 = 7;
    pub const EVIDENCE: u16 = 8;
    pub const LAST: u16 = 8;

    /// Column widths, by index.
    pub const WIDTHS: [f64; 9] = [6.0, 14.0, 42.0, 10.0, 13.0, 20.0, 16.0, 16.0, 30.0];
}

/// Empty rows under each task heading.
pub const ROWS_PER_TASK: u32 = 3;
/// Empty rows when the unit has no assigned task (the task cell must then be filled).
pub const FREE_ROWS: u32 = 5;

/// One task heading and the empty rows under it (0-based sheet rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub task: u32,
    pub role: Role,
    /// The heading row: only the task cell is filled, merged across the table.
    pub row: u32,
    /// The rows that inherit the task.
    pub data_rows: Range<u32>,
}

/// Where everything is on the form sheet (0-based rows), shared by the writer and
/// by tests that fill a template in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub agency_row: u32,
    pub title_row: u32,
    pub subtitle_row: u32,
    pub unit_row: u32,
    /// The report date's value is in column [`col::ACTIVITY`] of this row.
    pub date_row: u32,
    pub header_row: u32,
    pub groups: Vec<Group>,
    /// Rows with no heading above (only when the unit has no task).
    pub free_rows: Range<u32>,
    pub difficulties_row: u32,
    pub proposals_row: u32,
    pub signature_row: u32,
}

impl Layout {
    /// The first and last row of the data area (headings included).
    pub fn data_area(&self) -> Range<u32> {
        let start = self.header_row + 1;
        let end = self
            .groups
            .last()
            .map_or(self.free_rows.end, |g| g.data_rows.end);
        start..end
    }
}

/// The layout of `unit`'s form.
pub fn layout(plan: &Plan, unit: &Unit) -> Layout {
    let header_row = 7;
    let mut row = header_row + 1;
    let mut groups = Vec::new();
    for (task, role) in plan.assignments(&unit.code) {
        let start = row + 1;
        row = start + ROWS_PER_TASK;
        groups.push(Group {
            task: task.number,
            role,
            row: start - 1,
            data_rows: start..row,
        });
    }
    let free_rows = if groups.is_empty() {
        row..row + FREE_ROWS
    } else {
        row..row
    };
    let end = free_rows.end;
    Layout {
        agency_row: 0,
        title_row: 1,
        subtitle_row: 2,
        unit_row: 4,
        date_row: 5,
        header_row,
        groups,
        free_rows,
        difficulties_row: end + 1,
        proposals_row: end + 2,
        signature_row: end + 4,
    }
}

/// The default file name: `bieu-ket-qua-<CODE>-<year>.xlsx` (the code in the stem
/// lets `check` find the unit from the name alone).
pub fn file_name(plan: &Plan, unit: &Unit) -> String {
    format!("bieu-ket-qua-{}-{}.xlsx", unit.code, plan.year)
}

/// The task heading as written in the task cell: number, title, role mark.
pub fn heading(texts: &FormTexts, task: &Task, role: Role) -> String {
    let mark = match role {
        Role::Lead => &texts.role_marks.lead,
        Role::Coordinating => &texts.role_marks.coordinating,
    };
    format!("{}. {} {mark}", task.number, task.title)
}

/// The status drop-down's values: the vocabulary's labels, in [`Status::ALL`] order.
pub fn status_list(vocabulary: &Vocabulary) -> Vec<&str> {
    vocabulary.status_labels()
}

/// The template as .xlsx bytes.
pub fn to_bytes(
    plan: &Plan,
    unit: &Unit,
    texts: &FormTexts,
    vocabulary: &Vocabulary,
) -> Result<Vec<u8>, XlsxError> {
    let (mut workbook, _) = workbook(plan, unit, texts, vocabulary)?;
    workbook.save_to_buffer()
}

/// Builds the template workbook and returns it with its layout (so a test can fill
/// it in before saving).
pub fn workbook(
    plan: &Plan,
    unit: &Unit,
    texts: &FormTexts,
    vocabulary: &Vocabulary,
) -> Result<(Workbook, Layout), XlsxError> {
    let ctx = Ctx::new(plan, unit, texts, vocabulary);
    let layout = layout(plan, unit);
    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(&ctx)?);

    let measures = measure_list(&ctx);
    let form = workbook.add_worksheet();
    sheet::write_form(form, &ctx, &layout, &measures)?;
    let guide = workbook.add_worksheet();
    guide::write_guide(guide, &ctx)?;
    if let MeasureList::Sheet(_) = measures {
        write_lists(workbook.add_worksheet(), &ctx)?;
    }
    Ok((workbook, layout))
}

/// What a form is written from, and the values of its texts' placeholders.
struct Ctx<'a> {
    plan: &'a Plan,
    unit: &'a Unit,
    texts: &'a FormTexts,
    vocabulary: &'a Vocabulary,
    /// `(placeholder, value)`: every placeholder a form text may use. Each text is
    /// checked on load to use only its own, so one set serves them all.
    values: Vec<(&'static str, String)>,
}

impl<'a> Ctx<'a> {
    fn new(
        plan: &'a Plan,
        unit: &'a Unit,
        texts: &'a FormTexts,
        vocabulary: &'a Vocabulary,
    ) -> Ctx<'a> {
        let deadline = dmy(plan.deadlines.units_report);
        let some_measures = plan
            .units_of_measure
            .iter()
            .take(4)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ");
        let compiler = plan
            .unit(&plan.compiling_unit)
            .map_or(plan.compiling_unit.as_str(), |u| u.name.as_str());
        let mut values = vec![
            ("year", plan.year.to_string()),
            ("plan", plan.title.clone()),
            ("unit", unit.name.clone()),
            ("example", deadline.clone()),
            ("from", format!("01/01/{}", plan.year)),
            ("to", format!("31/12/{}", plan.year + 1)),
            ("measures", some_measures),
            ("lead_mark", texts.role_marks.lead.clone()),
            ("coordinating_mark", texts.role_marks.coordinating.clone()),
            ("deadline", deadline),
            ("compiler", compiler.to_string()),
        ];
        for status in Status::ALL {
            values.push((status.key(), vocabulary.label(status).to_string()));
        }
        Ctx {
            plan,
            unit,
            texts,
            vocabulary,
            values,
        }
    }

    /// The text with its placeholders filled.
    fn fill(&self, template: &str) -> String {
        crate::text::fill(template, |name| {
            self.values
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.clone())
        })
    }
}

/// The document properties: fixed dates, so the same plan gives the same bytes.
fn properties(ctx: &Ctx) -> Result<DocProperties, XlsxError> {
    let plan = ctx.plan;
    let year = u16::try_from(plan.year).expect("validated year");
    Ok(DocProperties::new()
        .set_title(ctx.fill(&ctx.texts.document_title))
        .set_author(&plan.agency)
        .set_company(&plan.agency)
        .set_subject(&ctx.unit.name)
        .set_creation_datetime(&ExcelDateTime::from_ymd(year, 1, 1)?))
}

/// The hidden, protected sheet holding the unit-of-measure list.
fn write_lists(ws: &mut Worksheet, ctx: &Ctx) -> Result<(), XlsxError> {
    ws.set_name(&ctx.texts.sheet_names.lists)?;
    for (i, m) in ctx.plan.units_of_measure.iter().enumerate() {
        ws.write_string(i as u32, 0, m)?;
    }
    ws.set_hidden(true);
    ws.protect();
    Ok(())
}

/// How the unit-of-measure drop-down gets its values.
enum MeasureList {
    /// Inline in the validation (short lists).
    Inline,
    /// A range on the hidden list sheet (Excel's inline lists stop at 255 characters
    /// and cannot hold commas).
    Sheet(Formula),
}

fn measure_list(ctx: &Ctx) -> MeasureList {
    let plan = ctx.plan;
    let joined = plan.units_of_measure.join(",");
    let fits = joined.encode_utf16().count() <= 255
        && !plan
            .units_of_measure
            .iter()
            .any(|m| m.contains(',') || m.contains('"'));
    if fits {
        MeasureList::Inline
    } else {
        MeasureList::Sheet(Formula::new(format!(
            "='{}'!$A$1:$A${}",
            ctx.texts.sheet_names.lists.replace('\'', "''"),
            plan.units_of_measure.len()
        )))
    }
}

/// The formats of the form, built once. Public so that a program filling the form
/// (the sample generator) writes cells that look like the empty ones they replace.
pub struct Formats {
    agency: Format,
    title: Format,
    subtitle: Format,
    label: Format,
    value: Format,
    /// The report date's cell (unlocked, dd/mm/yyyy).
    pub date: Format,
    header: Format,
    lead_heading: Format,
    coordinating_heading: Format,
    /// Per column, for the data rows (unlocked), indexed by [`col`].
    pub data: Vec<Format>,
    /// The remarks cells (unlocked).
    pub remarks: Format,
    /// The signature block's titles and names.
    pub signature: Format,
    sign_hint: Format,
}

const FONT: &str = "Times New Roman";
const LEAD_FILL: u32 = 0xFCE4D6;
const COORDINATING_FILL: u32 = 0xDDEBF7;
const HEADER_FILL: u32 = 0xD9D9D9;

impl Formats {
    pub fn new() -> Formats {
        let base = Format::new().set_font_name(FONT).set_font_size(12);
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter);
        let heading = cell.clone().set_bold().set_align(FormatAlign::Left);
        let data = (0..=col::LAST)
            .map(|c| {
                let f = cell.clone().set_unlocked();
                match c {
                    col::NUMBER | col::QUANTITY => f.set_align(FormatAlign::Center),
                    col::MEASURE | col::STATUS => f.set_align(FormatAlign::Center),
                    // Text, so that Excel does not turn 15/05/2024 into a date in the
                    // computer's locale (possibly month first) or "1,4" into 1.4.
                    col::TIME | col::CONTENT => {
                        f.set_num_format("@").set_align(FormatAlign::Center)
                    }
                    _ => f,
                }
            })
            .collect();
        Formats {
            agency: base.clone().set_bold().set_align(FormatAlign::Center),
            title: base
                .clone()
                .set_bold()
                .set_font_size(14)
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            subtitle: base
                .clone()
                .set_italic()
                .set_text_wrap()
                .set_align(FormatAlign::Center),
            label: base.clone().set_bold(),
            value: base.clone().set_bold().set_align(FormatAlign::Left),
            date: base
                .clone()
                .set_unlocked()
                .set_num_format("dd/mm/yyyy")
                .set_border(FormatBorder::Dotted)
                .set_align(FormatAlign::Left),
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(HEADER_FILL)),
            lead_heading: heading.clone().set_background_color(Color::RGB(LEAD_FILL)),
            coordinating_heading: heading.set_background_color(Color::RGB(COORDINATING_FILL)),
            data,
            remarks: base
                .clone()
                .set_unlocked()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_border(FormatBorder::Dotted),
            signature: base.clone().set_bold().set_align(FormatAlign::Center),
            sign_hint: base.set_italic().set_align(FormatAlign::Center),
        }
    }
}

impl Default for Formats {
    fn default() -> Self {
        Formats::new()
    }
}

/// The agency line: the plan's agency in capitals (Rust's upper-casing keeps the
/// Vietnamese diacritics: `Sở` → `SỞ`).
fn agency_line(plan: &Plan) -> String {
    plan.agency.to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_has_a_heading_and_empty_rows_per_assigned_task() {
        let plan = Plan::shipped();
        let ttud = plan.unit("TTUD").unwrap();
        let l = layout(&plan, ttud);
        assert_eq!(
            l.groups.iter().map(|g| g.task).collect::<Vec<_>>(),
            [1, 2, 3, 4]
        );
        assert!(l.groups.iter().all(|g| g.role == Role::Lead));
        assert_eq!(l.groups[0].row, l.header_row + 1);
        assert_eq!(l.groups[1].row, l.groups[0].data_rows.end);
        assert!(l.free_rows.is_empty());
        assert!(l.difficulties_row > l.data_area().end);

        let qltc = plan.unit("QLTC").unwrap();
        let roles: Vec<_> = layout(&plan, qltc)
            .groups
            .iter()
            .map(|g| (g.task, g.role))
            .collect();
        assert_eq!(
            roles,
            [
                (1, Role::Coordinating),
                (2, Role::Coordinating),
                (3, Role::Coordinating),
                (4, Role::Coordinating),
                (5, Role::Lead)
            ]
        );
    }

    #[test]
    fn heading_starts_with_the_task_number_and_marks_the_role() {
        let plan = Plan::shipped();
        let texts = FormTexts::shipped();
        let h = heading(texts, plan.task(4).unwrap(), Role::Lead);
        assert!(h.starts_with("4. Tổ chức tuyên truyền"), "{h}");
        assert!(h.ends_with("(chủ trì)"), "{h}");
        assert!(heading(texts, plan.task(1).unwrap(), Role::Coordinating).ends_with("(phối hợp)"));
    }

    #[test]
    fn the_status_drop_down_is_the_vocabulary_and_parses_back() {
        let vocabulary = Vocabulary::shipped();
        let list = status_list(vocabulary);
        assert_eq!(list, ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"]);
        for (label, status) in list.iter().zip(Status::ALL) {
            assert_eq!(Vocabulary::shipped().status(label), Some(status), "{label}");
        }
        // Excel's inline lists: no commas, 255 characters in all.
        assert!(list.iter().all(|l| !l.contains(',')));
        assert!(list.join(",").encode_utf16().count() <= 255);
    }

    #[test]
    fn the_form_header_is_read_back_by_the_vocabulary_labels() {
        use crate::read::table::{header_column, Column};
        let c = &FormTexts::shipped().columns;
        let expected = [
            (&c.number, Column::RowNumber),
            (&c.task, Column::Task),
            (&c.activity, Column::Activity),
            (&c.quantity, Column::Quantity),
            (&c.measure, Column::Measure),
            (&c.time, Column::Time),
            (&c.status, Column::Status),
            (&c.content, Column::ContentAreas),
            (&c.evidence, Column::Evidence),
        ];
        for (column, expected) in expected {
            assert_eq!(
                header_column(Vocabulary::shipped(), &column.label),
                Some(expected),
                "{}: the form's label must be one of the vocabulary's (templates/vocabulary.json, columns)",
                column.label
            );
        }
    }

    #[test]
    fn agency_line_is_upper_case_with_diacritics() {
        assert_eq!(
            agency_line(&Plan::shipped()),
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH QUẢNG NGÃI"
        );
    }

    #[test]
    fn file_name_names_the_unit_and_year() {
        let plan = Plan::shipped();
        let name = file_name(&plan, plan.unit("TTUD").unwrap());
        assert_eq!(name, "bieu-ket-qua-TTUD-2024.xlsx");
        let stem = name.trim_end_matches(".xlsx");
        assert_eq!(plan.unit_from_file_stem(stem).unwrap().code, "TTUD");
    }

    #[test]
    fn a_unit_without_tasks_gets_free_rows() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/templates/plan.json"))
                .unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        for t in v["tasks"].as_array_mut().unwrap() {
            t["coordinating_units"] = serde_json::json!([]);
        }
        let plan = Plan::from_json(&v.to_string()).unwrap();
        let unit = plan.unit("TTRA").unwrap();
        let l = layout(&plan, unit);
        assert!(l.groups.is_empty());
        assert_eq!(l.free_rows.len(), FREE_ROWS as usize);
        assert_eq!(l.data_area(), l.free_rows);
        assert!(
            to_bytes(&plan, unit, FormTexts::shipped(), Vocabulary::shipped())
                .unwrap()
                .starts_with(b"PK")
        );
    }

    #[test]
    fn every_unit_builds() {
        let plan = Plan::shipped();
        for unit in &plan.units {
            let bytes = to_bytes(&plan, unit, FormTexts::shipped(), Vocabulary::shipped()).unwrap();
            assert!(bytes.starts_with(b"PK"), "{}", unit.code);
        }
    }
}
