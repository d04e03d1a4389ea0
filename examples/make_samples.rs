//! Generates the sample results spreadsheets in `input/`: one per unit of the 2024
//! roster (HCTH, TTUD, QLTC, CCTC, TTRA, QLKH, QLCN), filled the way units really
//! fill them, in varied but valid shapes (see `docs/samples.md`, which this program
//! also writes, and `/spec/input-spreadsheet.md`).
//!
//! ```sh
//! cargo run --example make_samples
//! ```
//!
//! `.xlsx` files are written with `rust_xlsxwriter` (with a fixed creation date, so
//! the bytes are stable). `.xls` and `.ods` files are made by converting a generated
//! `.xlsx` with LibreOffice (`soffice --headless --convert-to …`); when `soffice` is
//! not installed, the conversion is skipped with a message and the committed files
//! are kept.
//!
//! Most samples are laid out by this program, the way units make their own tables;
//! their data are self-contained (no dependency on the library's plan loader).
//! `TTRA.xlsx` instead is the unit's official template (`baocao::form::workbook`
//! with the shipped `templates/plan.json`) filled in, the path units are meant to
//! follow; the template sets fixed document properties, so its bytes are stable too.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use baocao::form::{self, FormTexts};
use baocao::plan::Plan;
use baocao::vocabulary::Vocabulary;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// The shipped plan, for the samples filled in from a unit's template.
const PLAN: &str = "templates/plan.json";

/// Task numbers (plan section IV) with their short titles, as units write them.
const TASKS: [(u32, &str); 6] = [
    (
        1,
        "Duy trì mục tuyên truyền CCHC trên Trang Thông tin điện tử của Sở và cập nhật thông tin về CCHC",
    ),
    (
        2,
        "Đăng tải công khai tất cả các TTHC và các văn bản liên quan đến CCHC; cập nhật, đăng tải các nội dung tuyên truyền tại mục II lên Trang Thông tin điện tử thành phần của Sở",
    ),
    (
        3,
        "Tuyên truyền thông qua xuất bản các bản tin, các Chuyên mục khoa học và công nghệ",
    ),
    (
        4,
        "Tổ chức tuyên truyền về công tác CCHC 2024 thông qua tổ chức các hoạt động nhân Ngày khoa học và công nghệ Việt Nam 18/5",
    ),
    (
        5,
        "Tuyên truyền thông qua tổ chức đào tạo về duy trì, cải tiến, đánh giá nội bộ Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
    ),
    (
        6,
        "Tuyên truyền thông qua kiểm tra việc xây dựng, áp dụng, duy trì, cải tiến Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
    ),
];

/// Units of measure accepted by the 2024 plan (`templates/plan.json`).
const MEASURES: [&str; 18] = [
    "tin",
    "bài",
    "tin/bài",
    "văn bản",
    "thủ tục",
    "bản tin",
    "chuyên mục",
    "số",
    "lớp",
    "học viên",
    "người",
    "lượt",
    "cuộc",
    "cơ quan",
    "đơn vị",
    "hoạt động",
    "hội nghị",
    "buổi",
];

const AGENCY_PARENT: &str = "UBND TỈNH QUẢNG NGÃI";
const AGENCY: &str = "SỞ KHOA HỌC VÀ CÔNG NGHỆ";
const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
const TITLE: &str = "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CCHC NĂM 2024";
const WEB: &str = "https://skhcn.quangngai.gov.vn";

/// A time value as the unit typed it: text, or a date cell.
#[derive(Clone, Copy)]
enum Time {
    Text(&'static str),
    Date(u16, u8, u8),
}

impl Time {
    fn display(&self) -> String {
        match self {
            Time::Text(s) => (*s).to_string(),
            Time::Date(y, m, d) => format!("{d:02}/{m:02}/{y} (date cell)"),
        }
    }
}

/// One data row of a unit's table.
struct Row {
    task: u32,
    activity: &'static str,
    qty: u64,
    measure: &'static str,
    time: Time,
    status: &'static str,
    /// Plan section II items, as typed (`1, 4`, `2;4`, `II.6`); a lone number is
    /// written as a number cell, as Excel would store it.
    areas: &'static str,
    /// Evidence or note; a path starting with `/` is appended to the website URL.
    note: &'static str,
}

#[allow(clippy::too_many_arguments)]
fn row(
    task: u32,
    activity: &'static str,
    qty: u64,
    measure: &'static str,
    time: Time,
    status: &'static str,
    areas: &'static str,
    note: &'static str,
) -> Row {
    Row {
        task,
        activity,
        qty,
        measure,
        time,
        status,
        areas,
        note,
    }
}

/// The columns a unit may have, in the order it chose, with its own labels.
#[derive(Clone, Copy, PartialEq)]
enum Col {
    Stt,
    Task,
    Activity,
    Qty,
    Measure,
    Time,
    Status,
    Areas,
    Note,
}

/// How the unit writes the task cell.
#[derive(Clone, Copy)]
enum TaskStyle {
    /// `4` as a number cell.
    Number,
    /// A text prefix before the number: `NV4`, `IV.4`, `Nhiệm vụ 4`.
    Prefix(&'static str),
    /// `4. Tổ chức tuyên truyền …` (number and title).
    Titled,
    /// Task cells empty; a group row `4. …` merged across the table above the rows.
    GroupRows,
}

/// A line of the title block.
enum Title {
    Blank,
    /// Agency on the left, national motto on the right (two lines each).
    Letterhead {
        unit_caps: &'static str,
    },
    /// Merged across the table, bold, centred.
    Banner(&'static str),
    /// Merged across the table, italic, centred.
    Sub(&'static str),
    /// A labelled value: `Đơn vị: X` in one cell, or the label then X in the next cell.
    Label {
        label: &'static str,
        value: &'static str,
        next_cell: bool,
    },
    /// `Ngày báo cáo:` with a date cell (or text) in the next cell, or all in one cell.
    ReportDate {
        date: Time,
        next_cell: bool,
    },
}

enum Remarks {
    None,
    /// Label and value in the same cell.
    InCell {
        difficulties: &'static str,
        proposals: &'static str,
    },
    /// Label in one cell, the value in the next cell to the right.
    NextCell {
        difficulties: &'static str,
        proposals: &'static str,
    },
    /// Label alone, the points on the lines below.
    Below {
        difficulties: &'static [&'static str],
        proposals: &'static [&'static str],
    },
}

#[derive(Clone, Copy, PartialEq)]
enum Format3 {
    Xlsx,
    Xls,
    Ods,
}

impl Format3 {
    fn ext(self) -> &'static str {
        match self {
            Format3::Xlsx => "xlsx",
            Format3::Xls => "xls",
            Format3::Ods => "ods",
        }
    }
}

struct Sample {
    code: &'static str,
    stem: &'static str,
    format: Format3,
    /// The report date as the plan's deadline check sees it (dd/mm/yyyy).
    report_date: &'static str,
    features: &'static str,
    shape: Shape,
    remarks: Remarks,
    signature: (&'static str, &'static str, &'static str, &'static str),
    rows: Vec<Row>,
}

/// How the file is laid out.
enum Shape {
    /// The unit's own layout, written by [`write_xlsx`].
    Own(Own),
    /// The unit's official template (`baocao::form::workbook`) filled in, the
    /// path units are meant to follow; written by [`write_from_template`].
    Template {
        /// The report date (year, month, day), written as a date cell.
        report_date: (u16, u8, u8),
    },
}

/// A layout of the unit's own making.
struct Own {
    /// Extra first sheet without a table (instructions), so the table is on sheet 2.
    notes_sheet: Option<(&'static str, &'static [&'static str])>,
    sheet: &'static str,
    title: Vec<Title>,
    /// 1-based row of the header (the first header row when it has two).
    header_row: u32,
    two_row_header: bool,
    cols: Vec<(Col, &'static str, f64)>,
    task_style: TaskStyle,
    /// Quantities typed as text (`1.250`), as some units do.
    qty_as_text: bool,
    /// Insert a blank row after these data row indexes (0-based).
    blank_after: &'static [usize],
    total_row: bool,
}

struct Formats {
    text: Format,
    bold: Format,
    banner: Format,
    italic: Format,
    header: Format,
    cell: Format,
    cell_center: Format,
    cell_date: Format,
    cell_num: Format,
    group: Format,
    total: Format,
    date_plain: Format,
    sign_title: Format,
    sign_name: Format,
}

fn formats() -> Formats {
    let base = Format::new()
        .set_font_name("Times New Roman")
        .set_font_size(12);
    let bordered = base
        .clone()
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    Formats {
        text: base.clone(),
        bold: base.clone().set_bold(),
        banner: base
            .clone()
            .set_bold()
            .set_font_size(13)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap(),
        italic: base.clone().set_italic().set_align(FormatAlign::Center),
        header: bordered
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_background_color("#D9E1F2"),
        cell: bordered.clone(),
        cell_center: bordered.clone().set_align(FormatAlign::Center),
        cell_date: bordered
            .clone()
            .set_align(FormatAlign::Center)
            .set_num_format("dd/mm/yyyy"),
        cell_num: bordered.clone().set_align(FormatAlign::Center),
        group: bordered.clone().set_bold().set_italic(),
        total: bordered.set_bold().set_align(FormatAlign::Center),
        date_plain: base
            .clone()
            .set_num_format("dd/mm/yyyy")
            .set_align(FormatAlign::Left),
        sign_title: base
            .clone()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_text_wrap(),
        sign_name: base.set_bold().set_align(FormatAlign::Center),
    }
}

fn task_title(n: u32) -> &'static str {
    TASKS
        .iter()
        .find(|(k, _)| *k == n)
        .map(|(_, t)| *t)
        .expect("task number in the plan")
}

/// `1250` → `1.250` (Vietnamese thousands separator).
fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

fn write_time(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    t: Time,
    text_fmt: &Format,
    date_fmt: &Format,
) -> Result<(), XlsxError> {
    match t {
        Time::Text(s) => {
            ws.write_string_with_format(r, c, s, text_fmt)?;
        }
        Time::Date(y, m, d) => {
            ws.write_datetime_with_format(r, c, ExcelDateTime::from_ymd(y, m, d)?, date_fmt)?;
        }
    }
    Ok(())
}

/// Writes one sample workbook as `.xlsx` at `path`.
fn write_xlsx(s: &Sample, o: &Own, path: &Path) -> Res<()> {
    let f = formats();
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(TITLE)
            .set_author(s.signature.2)
            .set_company("Sở Khoa học và Công nghệ tỉnh Quảng Ngãi")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2024, 11, 8)?),
    );

    if let Some((name, lines)) = o.notes_sheet {
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        ws.set_column_width(0, 110)?;
        for (i, line) in lines.iter().enumerate() {
            let fmt = if i == 0 { &f.bold } else { &f.text };
            ws.write_string_with_format(i as u32, 0, *line, fmt)?;
        }
    }

    let ws = wb.add_worksheet();
    ws.set_name(o.sheet)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    let ncols = o.cols.len() as u16;
    let last = ncols - 1;
    for (i, (_, _, w)) in o.cols.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    let col_of = |c: Col| {
        o.cols
            .iter()
            .position(|(k, _, _)| *k == c)
            .map(|p| p as u16)
    };
    let half = ncols / 2;

    // Title block.
    let mut r = 0u32;
    for t in &o.title {
        match t {
            Title::Blank => {}
            Title::Letterhead { unit_caps } => {
                ws.merge_range(r, 0, r, half - 1, AGENCY_PARENT, &f.sign_name)?;
                ws.merge_range(r, half, r, last, NATION, &f.sign_name)?;
                r += 1;
                ws.merge_range(
                    r,
                    0,
                    r,
                    half - 1,
                    &format!("{AGENCY}\n{unit_caps}"),
                    &f.sign_title,
                )?;
                ws.set_row_height(r, 33)?;
                ws.merge_range(r, half, r, last, MOTTO, &f.sign_name)?;
            }
            Title::Banner(text) => {
                ws.merge_range(r, 0, r, last, text, &f.banner)?;
                ws.set_row_height(r, 36)?;
            }
            Title::Sub(text) => {
                ws.merge_range(r, 0, r, last, text, &f.italic)?;
            }
            Title::Label {
                label,
                value,
                next_cell,
            } => {
                if *next_cell {
                    ws.write_string_with_format(r, 1, *label, &f.bold)?;
                    ws.write_string_with_format(r, 2, *value, &f.text)?;
                } else {
                    ws.write_string_with_format(r, 1, format!("{label} {value}"), &f.bold)?;
                }
            }
            Title::ReportDate { date, next_cell } => {
                if *next_cell {
                    ws.write_string_with_format(r, 1, "Ngày báo cáo:", &f.bold)?;
                    write_time(ws, r, 2, *date, &f.text, &f.date_plain)?;
                } else {
                    let Time::Text(text) = date else {
                        return Err("a date cell needs next_cell".into());
                    };
                    ws.write_string_with_format(r, 1, format!("Ngày báo cáo: {text}"), &f.bold)?;
                }
            }
        }
        r += 1;
    }
    let header = o.header_row - 1;
    if r > header {
        return Err(format!("{}: title block runs into the header row", s.code).into());
    }

    // Header.
    let qty_col = col_of(Col::Qty).ok_or("no quantity column")?;
    if o.two_row_header {
        let measure_col = col_of(Col::Measure).ok_or("no measure column")?;
        if measure_col != qty_col + 1 {
            return Err("two-row header needs quantity and measure side by side".into());
        }
        for (i, (c, label, _)) in o.cols.iter().enumerate() {
            let i = i as u16;
            match c {
                Col::Qty => {
                    ws.merge_range(header, i, header, i + 1, "Kết quả", &f.header)?;
                    ws.write_string_with_format(header + 1, i, *label, &f.header)?;
                }
                Col::Measure => {
                    ws.write_string_with_format(header + 1, i, *label, &f.header)?;
                }
                _ => {
                    ws.merge_range(header, i, header + 1, i, label, &f.header)?;
                }
            }
        }
        ws.set_row_height(header, 24)?;
        ws.set_row_height(header + 1, 33)?;
        r = header + 2;
    } else {
        for (i, (_, label, _)) in o.cols.iter().enumerate() {
            ws.write_string_with_format(header, i as u16, *label, &f.header)?;
        }
        ws.set_row_height(header, 36)?;
        r = header + 1;
    }

    // Data rows.
    let mut current_group = 0;
    let mut stt = 0;
    for (idx, d) in s.rows.iter().enumerate() {
        if matches!(o.task_style, TaskStyle::GroupRows) && d.task != current_group {
            current_group = d.task;
            ws.merge_range(
                r,
                0,
                r,
                last,
                &format!("{}. {}", d.task, task_title(d.task)),
                &f.group,
            )?;
            ws.set_row_height(r, 33)?;
            r += 1;
        }
        stt += 1;
        for (i, (c, _, _)) in o.cols.iter().enumerate() {
            let i = i as u16;
            match c {
                Col::Stt => {
                    ws.write_number_with_format(r, i, stt as f64, &f.cell_center)?;
                }
                Col::Task => match o.task_style {
                    TaskStyle::Number => {
                        ws.write_number_with_format(r, i, d.task as f64, &f.cell_center)?;
                    }
                    TaskStyle::Prefix(p) => {
                        ws.write_string_with_format(
                            r,
                            i,
                            format!("{p}{}", d.task),
                            &f.cell_center,
                        )?;
                    }
                    TaskStyle::Titled => {
                        ws.write_string_with_format(
                            r,
                            i,
                            format!("{}. {}", d.task, task_title(d.task)),
                            &f.cell,
                        )?;
                    }
                    TaskStyle::GroupRows => {
                        ws.write_blank(r, i, &f.cell)?;
                    }
                },
                Col::Activity => {
                    ws.write_string_with_format(r, i, d.activity, &f.cell)?;
                }
                Col::Qty => {
                    if o.qty_as_text {
                        ws.write_string_with_format(r, i, thousands(d.qty), &f.cell_center)?;
                    } else {
                        ws.write_number_with_format(r, i, d.qty as f64, &f.cell_num)?;
                    }
                }
                Col::Measure => {
                    ws.write_string_with_format(r, i, d.measure, &f.cell_center)?;
                }
                Col::Time => {
                    write_time(ws, r, i, d.time, &f.cell_center, &f.cell_date)?;
                }
                Col::Status => {
                    ws.write_string_with_format(r, i, d.status, &f.cell_center)?;
                }
                Col::Areas => match d.areas.parse::<u32>() {
                    Ok(n) => {
                        ws.write_number_with_format(r, i, n as f64, &f.cell_center)?;
                    }
                    Err(_) => {
                        ws.write_string_with_format(r, i, d.areas, &f.cell_center)?;
                    }
                },
                Col::Note => {
                    let note = if d.note.starts_with('/') {
                        format!("{WEB}{}", d.note)
                    } else {
                        d.note.to_string()
                    };
                    ws.write_string_with_format(r, i, note, &f.cell)?;
                }
            }
        }
        // Writers don't autofit row heights: size the row for its longest wrapped text.
        let lines = o
            .cols
            .iter()
            .map(|(c, _, w)| {
                let chars = match c {
                    Col::Activity => d.activity.chars().count(),
                    Col::Note => {
                        d.note.chars().count() + if d.note.starts_with('/') { 30 } else { 0 }
                    }
                    Col::Task if matches!(o.task_style, TaskStyle::Titled) => {
                        task_title(d.task).chars().count() + 3
                    }
                    _ => 0,
                };
                chars.div_ceil(((*w * 1.15) as usize).saturating_sub(2).max(1))
            })
            .max()
            .unwrap_or(1)
            .max(1);
        ws.set_row_height(r, 16.0 * lines as f64 + 2.0)?;
        r += 1;
        if o.blank_after.contains(&idx) {
            r += 1;
        }
    }

    if o.total_row {
        ws.merge_range(r, 0, r, qty_col - 1, "Tổng cộng", &f.total)?;
        let sum: u64 = s.rows.iter().map(|d| d.qty).sum();
        ws.write_number_with_format(r, qty_col, sum as f64, &f.total)?;
        for i in qty_col + 1..ncols {
            ws.write_blank(r, i, &f.total)?;
        }
        r += 1;
    }

    // Remarks.
    r += 1;
    match &s.remarks {
        Remarks::None => {}
        Remarks::InCell {
            difficulties,
            proposals,
        } => {
            ws.write_string_with_format(
                r,
                1,
                format!("Khó khăn, vướng mắc: {difficulties}"),
                &f.text,
            )?;
            r += 1;
            ws.write_string_with_format(r, 1, format!("Đề xuất, kiến nghị: {proposals}"), &f.text)?;
            r += 2;
        }
        Remarks::NextCell {
            difficulties,
            proposals,
        } => {
            ws.write_string_with_format(r, 1, "Khó khăn, vướng mắc:", &f.bold)?;
            ws.write_string_with_format(r, 2, *difficulties, &f.text)?;
            r += 1;
            ws.write_string_with_format(r, 1, "Đề xuất, kiến nghị:", &f.bold)?;
            ws.write_string_with_format(r, 2, *proposals, &f.text)?;
            r += 2;
        }
        Remarks::Below {
            difficulties,
            proposals,
        } => {
            ws.write_string_with_format(r, 1, "Khó khăn, vướng mắc:", &f.bold)?;
            r += 1;
            for p in *difficulties {
                ws.write_string_with_format(r, 1, *p, &f.text)?;
                r += 1;
            }
            ws.write_string_with_format(r, 1, "Đề xuất, kiến nghị:", &f.bold)?;
            r += 1;
            for p in *proposals {
                ws.write_string_with_format(r, 1, *p, &f.text)?;
                r += 1;
            }
            r += 1;
        }
    }

    // Signature block.
    let (left, right, left_name, right_name) = s.signature;
    let right_col = last.saturating_sub(2).max(half);
    ws.merge_range(r, 1, r, 2, left, &f.sign_title)?;
    ws.merge_range(r, right_col, r, last, right, &f.sign_title)?;
    r += 4;
    ws.merge_range(r, 1, r, 2, left_name, &f.sign_name)?;
    ws.merge_range(r, right_col, r, last, right_name, &f.sign_name)?;

    wb.save(path)?;
    Ok(())
}

/// Writes a sample by filling the unit's official template
/// (`baocao::form::workbook`), the way a unit is meant to: each row in the empty
/// rows prepared under its task's heading, the task cell left empty (the heading
/// supplies the task), the report date in the date cell, the remarks in the
/// difficulties and proposals cells, the names under the signature block. The
/// template sets fixed document properties, so the bytes are stable.
fn write_from_template(s: &Sample, (y, m, d): (u16, u8, u8), plan: &Plan, path: &Path) -> Res<()> {
    use form::col;
    let unit = plan
        .unit(s.code)
        .ok_or_else(|| format!("{}: not a unit of the plan", s.code))?;
    let (mut wb, layout) = form::workbook(plan, unit, FormTexts::shipped(), Vocabulary::shipped())?;
    let ws = wb.worksheet_from_index(0)?;

    // The template's own cell formats: filled cells look like the empty ones.
    let formats = form::Formats::new();
    let data = |c: u16| &formats.data[usize::from(c)];
    let (date, remarks, signature) = (&formats.date, &formats.remarks, &formats.signature);

    ws.write_datetime_with_format(
        layout.date_row,
        col::ACTIVITY,
        ExcelDateTime::from_ymd(y, m, d)?,
        date,
    )?;

    let activity_width = col::WIDTHS[usize::from(col::ACTIVITY)];
    let mut stt = 0;
    for g in &layout.groups {
        let rows: Vec<&Row> = s.rows.iter().filter(|d| d.task == g.task).collect();
        let room = g.data_rows.len();
        if rows.len() > room {
            println!(
                "note    {}: task {} has {} rows, the template prepares {room}; \
                 writing the first {room}",
                s.code,
                g.task,
                rows.len()
            );
        }
        for (r, d) in g.data_rows.clone().zip(rows) {
            stt += 1;
            ws.write_number_with_format(r, col::NUMBER, f64::from(stt), data(col::NUMBER))?;
            ws.write_string_with_format(r, col::ACTIVITY, d.activity, data(col::ACTIVITY))?;
            ws.write_number_with_format(r, col::QUANTITY, d.qty as f64, data(col::QUANTITY))?;
            ws.write_string_with_format(r, col::MEASURE, d.measure, data(col::MEASURE))?;
            let time = match d.time {
                Time::Text(t) => t.to_string(),
                Time::Date(y, m, d) => format!("{d:02}/{m:02}/{y}"),
            };
            ws.write_string_with_format(r, col::TIME, time, data(col::TIME))?;
            ws.write_string_with_format(r, col::STATUS, d.status, data(col::STATUS))?;
            ws.write_string_with_format(r, col::CONTENT, d.areas, data(col::CONTENT))?;
            if !d.note.is_empty() {
                let note = if d.note.starts_with('/') {
                    format!("{WEB}{}", d.note)
                } else {
                    d.note.to_string()
                };
                ws.write_string_with_format(r, col::EVIDENCE, note, data(col::EVIDENCE))?;
            }
            let per_line = ((activity_width * 1.15) as usize).saturating_sub(2).max(1);
            let lines = d.activity.chars().count().div_ceil(per_line).max(1);
            ws.set_row_height(r, 16.0 * lines as f64 + 2.0)?;
        }
    }
    if let Some(d) = s
        .rows
        .iter()
        .find(|d| !layout.groups.iter().any(|g| g.task == d.task))
    {
        return Err(format!(
            "{}: task {} has no heading in the unit's template",
            s.code, d.task
        )
        .into());
    }

    let (difficulties, proposals) = match &s.remarks {
        Remarks::None => (String::new(), String::new()),
        Remarks::InCell {
            difficulties,
            proposals,
        }
        | Remarks::NextCell {
            difficulties,
            proposals,
        } => (difficulties.to_string(), proposals.to_string()),
        Remarks::Below {
            difficulties,
            proposals,
        } => (difficulties.join("\n"), proposals.join("\n")),
    };
    for (r, text) in [
        (layout.difficulties_row, difficulties),
        (layout.proposals_row, proposals),
    ] {
        if !text.is_empty() {
            ws.write_string_with_format(r, col::ACTIVITY, text, remarks)?;
        }
    }

    let names = layout.signature_row + 5;
    let (_, _, left_name, right_name) = s.signature;
    ws.merge_range(names, 0, names, col::ACTIVITY, left_name, signature)?;
    ws.merge_range(names, col::TIME, names, col::LAST, right_name, signature)?;

    wb.save(path)?;
    Ok(())
}

/// Converts `src` (an .xlsx) into `out_dir` as `ext` with LibreOffice.
fn convert(soffice: &Path, src: &Path, ext: &str, out_dir: &Path, profile: &Path) -> Res<PathBuf> {
    let filter = match ext {
        "xls" => "xls:MS Excel 97",
        "ods" => "ods",
        other => return Err(format!("no conversion to {other}").into()),
    };
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            filter,
            "--outdir",
        ])
        .arg(out_dir)
        .arg(src)
        .status()?;
    let stem = src.file_stem().ok_or("no file stem")?;
    let out = out_dir.join(stem).with_extension(ext);
    if !status.success() || !out.exists() {
        return Err(format!("soffice could not convert {} to {ext}", src.display()).into());
    }
    Ok(out)
}

/// Rewrites a zip container (an .ods) with the same entries, in the same order and
/// with the same compression, but a fixed modification time, so the bytes are stable.
fn restamp_zip(bytes: &[u8]) -> Res<Vec<u8>> {
    use std::io::{Cursor, Read, Write};
    use zip::write::SimpleFileOptions;
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stamp = zip::DateTime::from_date_and_time(2024, 11, 8, 0, 0, 0)
        .map_err(|e| format!("zip date: {e:?}"))?;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i)?;
        let options = SimpleFileOptions::default()
            .compression_method(entry.compression())
            .last_modified_time(stamp)
            .unix_permissions(if entry.is_dir() { 0o755 } else { 0o644 });
        let name = entry.name()?.to_string();
        if entry.is_dir() {
            writer.add_directory(name, options)?;
        } else {
            let mut data = Vec::new();
            entry.read_to_end(&mut data)?;
            writer.start_file(name, options)?;
            writer.write_all(&data)?;
        }
    }
    Ok(writer.finish()?.into_inner())
}

fn find_soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["soffice", "libreoffice"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

fn main() -> Res<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let input = root.join("input");
    std::fs::create_dir_all(&input)?;
    let samples = samples();
    validate(&samples)?;
    let plan = Plan::load(&root.join(PLAN))?;

    let tmp = std::env::temp_dir().join(format!("baocao-samples-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let soffice = find_soffice();
    for s in &samples {
        let name = format!("{}.{}", s.stem, s.format.ext());
        let dest = input.join(&name);
        match s.format {
            Format3::Xlsx => match &s.shape {
                Shape::Own(o) => {
                    write_xlsx(s, o, &dest)?;
                    println!("wrote   input/{name}");
                }
                Shape::Template { report_date } => {
                    write_from_template(s, *report_date, &plan, &dest)?;
                    println!("wrote   input/{name} (the unit's template, filled in)");
                }
            },
            Format3::Xls | Format3::Ods => {
                let Shape::Own(o) = &s.shape else {
                    return Err(format!("{}: templates are .xlsx", s.code).into());
                };
                let Some(soffice) = &soffice else {
                    println!(
                        "skipped input/{name}: LibreOffice (soffice) is not installed, the committed file is kept \
                         (install it with `apt-get install -y libreoffice-calc-nogui`)"
                    );
                    continue;
                };
                let src = tmp.join(format!("{}.xlsx", s.stem));
                write_xlsx(s, o, &src)?;
                let out_dir = tmp.join("out");
                std::fs::create_dir_all(&out_dir)?;
                let out = convert(
                    soffice,
                    &src,
                    s.format.ext(),
                    &out_dir,
                    &tmp.join("profile"),
                )?;
                if s.format == Format3::Ods {
                    // LibreOffice stamps the zip entries with the conversion time.
                    std::fs::write(&dest, restamp_zip(&std::fs::read(&out)?)?)?;
                } else {
                    std::fs::copy(&out, &dest)?;
                }
                println!("wrote   input/{name} (converted by LibreOffice)");
            }
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);

    let summary = summary(&samples);
    println!("\n{summary}");
    std::fs::create_dir_all(root.join("docs"))?;
    std::fs::write(
        root.join("docs/samples.md"),
        docs(&samples, &plan, &summary)?,
    )?;
    println!("wrote   docs/samples.md");
    Ok(())
}

/// Checks the data against the plan's rules before writing anything, so a typo in
/// this file cannot produce an invalid sample.
fn validate(samples: &[Sample]) -> Res<()> {
    use unicode_normalization::UnicodeNormalization;
    // Lead units; tasks 1–4 are open to all units, 5 and 6 to their lead only.
    let leads: [(u32, &[&str]); 6] = [
        (1, &["TTUD"]),
        (2, &["TTUD"]),
        (3, &["TTUD"]),
        (4, &["HCTH", "TTUD"]),
        (5, &["QLTC"]),
        (6, &["CCTC"]),
    ];
    let nfc = |s: &str| s.nfc().collect::<String>() == s;
    for s in samples {
        for (task, lead) in leads {
            if lead.contains(&s.code) && !s.rows.iter().any(|d| d.task == task) {
                return Err(format!("{} leads task {task} but has no row for it", s.code).into());
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for d in &s.rows {
            let (_, lead) = leads[(d.task - 1) as usize];
            if d.task >= 5 && !lead.contains(&s.code) {
                return Err(format!("{}: task {} is not assigned to it", s.code, d.task).into());
            }
            if !MEASURES.contains(&d.measure) {
                return Err(format!("{}: unknown measure {}", s.code, d.measure).into());
            }
            if d.qty == 0 {
                return Err(format!("{}: zero quantity in {}", s.code, d.activity).into());
            }
            if !["Hoàn thành", "Đã hoàn thành", "Đang thực hiện"].contains(&d.status) {
                return Err(format!("{}: status {}", s.code, d.status).into());
            }
            if d.task == 6 && d.status == "Hoàn thành" && d.measure == "cơ quan" {
                return Err("task 6 inspections are still in progress".into());
            }
            for text in [d.activity, d.note, d.areas] {
                if !nfc(text) {
                    return Err(format!("{}: text not NFC: {text}", s.code).into());
                }
            }
            if !seen.insert((d.task, d.activity, d.time.display())) {
                return Err(format!("{}: duplicate row {}", s.code, d.activity).into());
            }
        }
    }
    Ok(())
}

/// Per-task totals per unit of measure (all units), and rows per task per unit.
fn summary(samples: &[Sample]) -> String {
    let mut totals: BTreeMap<u32, BTreeMap<&str, u64>> = BTreeMap::new();
    let mut by_unit: BTreeMap<u32, BTreeMap<&str, BTreeMap<&str, u64>>> = BTreeMap::new();
    for s in samples {
        for d in &s.rows {
            *totals
                .entry(d.task)
                .or_default()
                .entry(d.measure)
                .or_default() += d.qty;
            *by_unit
                .entry(d.task)
                .or_default()
                .entry(s.code)
                .or_default()
                .entry(d.measure)
                .or_default() += d.qty;
        }
    }
    let fmt = |m: &BTreeMap<&str, u64>| {
        let mut v: Vec<_> = m.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        v.iter()
            .map(|(k, n)| format!("{n} {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::new();
    let _ = writeln!(out, "Per-task totals per unit of measure (all units):\n");
    let _ = writeln!(out, "| task | rows | totals | by unit |");
    let _ = writeln!(out, "|---|---|---|---|");
    for (task, m) in &totals {
        let rows = samples
            .iter()
            .flat_map(|s| &s.rows)
            .filter(|d| d.task == *task)
            .count();
        let units = by_unit[task]
            .iter()
            .map(|(u, m)| format!("{u}: {}", fmt(m)))
            .collect::<Vec<_>>()
            .join("; ");
        let _ = writeln!(out, "| {task} | {rows} | {} | {units} |", fmt(m));
    }
    let total_rows: usize = samples.iter().map(|s| s.rows.len()).sum();
    let _ = writeln!(out, "\nData rows in all files: {total_rows}");
    out
}

/// Where a sample's table is: sheet name, header row(s) (1-based, as the docs show
/// them), and the A1 cell of the report date value.
struct Placement {
    sheet: String,
    header: String,
    date_cell: String,
}

fn placement(s: &Sample, plan: &Plan) -> Res<Placement> {
    match &s.shape {
        Shape::Own(o) => {
            let header = if o.two_row_header {
                format!("{}–{} (two rows)", o.header_row, o.header_row + 1)
            } else {
                o.header_row.to_string()
            };
            Ok(Placement {
                sheet: o.sheet.to_string(),
                header,
                date_cell: own_date_cell(o),
            })
        }
        Shape::Template { .. } => {
            let unit = plan
                .unit(s.code)
                .ok_or_else(|| format!("{}: not a unit of the plan", s.code))?;
            let layout = form::layout(plan, unit);
            Ok(Placement {
                sheet: FormTexts::shipped().sheet_names.form.clone(),
                header: (layout.header_row + 1).to_string(),
                date_cell: a1(layout.date_row, form::col::ACTIVITY),
            })
        }
    }
}

/// `(5, 2)` → `C6`.
fn a1(row: u32, col: u16) -> String {
    let letter = char::from(b'A' + u8::try_from(col).expect("column A–Z"));
    format!("{letter}{}", row + 1)
}

/// The A1 cell of the report date value (the next cell, or the label cell itself).
fn own_date_cell(o: &Own) -> String {
    let mut r = 1;
    for t in &o.title {
        match t {
            Title::Letterhead { .. } => r += 2,
            Title::ReportDate { next_cell, .. } => {
                return format!("{}{r}", if *next_cell { 'C' } else { 'B' });
            }
            _ => r += 1,
        }
    }
    "—".to_string()
}

/// Points of difficulties and proposals, `Không` left out.
fn remark_counts(r: &Remarks) -> (usize, usize) {
    let count = |s: &str| usize::from(!s.starts_with("Không"));
    match r {
        Remarks::None => (0, 0),
        Remarks::InCell {
            difficulties,
            proposals,
        }
        | Remarks::NextCell {
            difficulties,
            proposals,
        } => (count(difficulties), count(proposals)),
        Remarks::Below {
            difficulties,
            proposals,
        } => (difficulties.len(), proposals.len()),
    }
}

fn docs(samples: &[Sample], plan: &Plan, summary: &str) -> Res<String> {
    let from_template: Vec<&Sample> = samples
        .iter()
        .filter(|s| matches!(s.shape, Shape::Template { .. }))
        .collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Sample results spreadsheets (`input/`)\n\n\
         Generated by `cargo run --example make_samples` (`examples/make_samples.rs`), which \
         also writes this page; do not edit it by hand. One results spreadsheet per unit of \
         the 2024 roster, filled as units really fill them, in varied shapes that the \
         spreadsheet contract (`input-spreadsheet.md`) accepts. Expected result of \
         `baocao check input/*`: **no errors**, and one warning, **W202** for TTRA (report \
         dated 18/11/2024, after the 15/11/2024 deadline).\n\n\
         Most files are laid out by hand, the way units make their own tables. {}, \
         though, is the unit's official template (`baocao template --unit {}`, built by \
         `baocao::form::workbook` from `{PLAN}`) filled in: the path units are meant to \
         follow. Each row goes in the empty rows the template prepares under its task's \
         heading (task cell left empty), the report date in the template's date cell, the \
         remarks in its difficulties and proposals cells.\n\n\
         `.xlsx` files are written with rust_xlsxwriter with a fixed creation date, so they \
         are byte-stable; `.xls` and `.ods` files are converted from a generated `.xlsx` by \
         LibreOffice (`soffice --headless --convert-to`); the `.ods` zip entries are \
         re-stamped with a fixed time so those bytes are stable too (the `.xls` files \
         have been stable across runs with LibreOffice 7.4). Without \
         `soffice` the example keeps the committed `.xls`/`.ods` files.\n",
        from_template
            .iter()
            .map(|s| format!("`{}.{}`", s.stem, s.format.ext()))
            .collect::<Vec<_>>()
            .join(", "),
        from_template
            .iter()
            .map(|s| s.code)
            .collect::<Vec<_>>()
            .join(", "),
    );
    let _ = writeln!(out, "## Files\n");
    let _ = writeln!(
        out,
        "| file | unit | format | report date | header row | data rows | rows per task | shape features |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
    for s in samples {
        let mut per: BTreeMap<u32, usize> = BTreeMap::new();
        for d in &s.rows {
            *per.entry(d.task).or_default() += 1;
        }
        let per = per
            .iter()
            .map(|(t, n)| format!("{t}: {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let header = placement(s, plan)?.header;
        let _ = writeln!(
            out,
            "| `{}.{}` | {} | .{} | {} | {} | {} | {} | {} |",
            s.stem,
            s.format.ext(),
            s.code,
            s.format.ext(),
            s.report_date,
            header,
            s.rows.len(),
            per,
            s.features.replace('|', "\\|")
        );
    }
    let _ = writeln!(out, "\n## Expected check result\n");
    let rows: usize = samples.iter().map(|s| s.rows.len()).sum();
    let in_progress: Vec<String> = samples
        .iter()
        .flat_map(|s| s.rows.iter().map(move |d| (s.code, d)))
        .filter(|(_, d)| d.status == "Đang thực hiện")
        .map(|(code, d)| format!("{code} task {}", d.task))
        .collect();
    let _ = writeln!(
        out,
        "- files: {}, one per unit of the roster; no unit missing (no E301/W302), no unit twice.\n\
         - data rows: {rows}, all included (`rows_included` = {rows}); errors: 0; warnings: 1.\n\
         - the only finding: **W202** for TTRA, report date `18/11/2024` in cell {} of `TTRA.xlsx`.\n\
         - every lead unit reports on each task it leads (TTUD 1–4, HCTH 4, QLTC 5, CCTC 6: no E201);\n  \
         tasks 5 and 6 appear only in the files of their lead units.\n\
         - rows `Đang thực hiện` (in progress): {} ({}); all other rows `Hoàn thành` / `Đã hoàn thành`.\n\
         - every time lies inside its task's timeline (task 4 in Q2, task 5 in Q1–Q2, task 6 in Q4,\n  \
         tasks 1–3 in 2024); every quantity is a whole number > 0 with a unit of measure of the plan.\n\
         - remarks (points other than `Không`), difficulties / proposals: {}.",
        samples.len(),
        placement(
            samples
                .iter()
                .find(|s| s.code == "TTRA")
                .ok_or("no TTRA sample")?,
            plan
        )?
        .date_cell,
        in_progress.len(),
        in_progress.join(", "),
        samples
            .iter()
            .map(|s| {
                let (d, p) = remark_counts(&s.remarks);
                format!("{} {d}/{p}", s.code)
            })
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(out, "\n## Totals\n");
    let _ = writeln!(
        out,
        "Quantities summed per task and unit of measure, over all rows (in-progress rows included).\n"
    );
    out.push_str(summary);
    let _ = writeln!(out, "\n## Rows\n");
    for s in samples {
        let _ = writeln!(
            out,
            "### {} — `{}.{}` (sheet `{}`)\n",
            s.code,
            s.stem,
            s.format.ext(),
            placement(s, plan)?.sheet
        );
        let _ = writeln!(
            out,
            "| task | activity | quantity | unit | time | status | content areas |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|---|");
        for d in &s.rows {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                d.task,
                d.activity.replace('|', "\\|"),
                d.qty,
                d.measure,
                d.time.display(),
                d.status,
                d.areas
            );
        }
        out.push('\n');
    }
    Ok(out)
}

use Time::{Date, Text};

fn samples() -> Vec<Sample> {
    const STD_COLS: [(Col, &str, f64); 9] = [
        (Col::Stt, "STT", 5.0),
        (Col::Task, "Nhiệm vụ", 9.0),
        (Col::Activity, "Nội dung thực hiện", 48.0),
        (Col::Qty, "Số lượng", 9.0),
        (Col::Measure, "Đơn vị tính", 11.0),
        (Col::Time, "Thời gian", 15.0),
        (Col::Status, "Tình trạng", 14.0),
        (Col::Areas, "Nội dung tuyên truyền (mục II)", 14.0),
        (Col::Note, "Minh chứng", 36.0),
    ];
    let ht = "Hoàn thành";
    let dth = "Đang thực hiện";

    vec![
        // ------------------------------------------------------------------ TTUD
        Sample {
            code: "TTUD",
            stem: "TTUD",
            format: Format3::Xlsx,
            report_date: "13/11/2024",
            features: "letterhead; `Đơn vị:` with short name `TT Ứng dụng và Dịch vụ KH&CN` in the next cell; \
                       report date as a date cell; group rows `1. …` merged across, task cells empty; \
                       content areas `1, 2, 4`; evidence URLs; remarks with values in the next cell",
            shape: Shape::Own(Own {
                notes_sheet: None,
                sheet: "Kết quả",
                title: vec![
                    Title::Letterhead {
                        unit_caps: "TRUNG TÂM ỨNG DỤNG VÀ DỊCH VỤ KH&CN",
                    },
                    Title::Banner(TITLE),
                    Title::Label {
                        label: "Đơn vị:",
                        value: "TT Ứng dụng và Dịch vụ KH&CN",
                        next_cell: true,
                    },
                    Title::ReportDate {
                        date: Date(2024, 11, 13),
                        next_cell: true,
                    },
                ],
                header_row: 6,
                two_row_header: false,
                cols: STD_COLS.to_vec(),
                task_style: TaskStyle::GroupRows,
                qty_as_text: false,
                blank_after: &[],
                total_row: false,
            }),
            remarks: Remarks::NextCell {
                difficulties: "Nguồn tin, bài từ các phòng, đơn vị gửi về chưa đều; một số tin chưa kèm hình ảnh nên phải biên tập lại.",
                proposals: "Đề nghị các phòng, đơn vị phân công công chức đầu mối cung cấp tin, bài về CCHC định kỳ hằng tháng cho Trung tâm.",
            },
            signature: ("Người lập biểu", "GIÁM ĐỐC", "Trần Thị Thu Hà", "Lê Văn Hùng"),
            rows: vec![
                row(1, "Đăng tải tin, bài tuyên truyền CCHC trên Trang TTĐT của Sở", 121, "tin/bài", Text("Thường xuyên"), ht, "1, 2, 4", "/tin-tuc/cai-cach-hanh-chinh"),
                row(1, "Cập nhật văn bản chỉ đạo, điều hành về CCHC của Trung ương, của tỉnh và của Sở lên mục CCHC", 36, "văn bản", Text("Thường xuyên"), ht, "1, 3", "/van-ban/cai-cach-hanh-chinh"),
                row(1, "Nâng cấp giao diện mục \"Cải cách hành chính\" trên Trang TTĐT, bổ sung chuyên mục Chuyển đổi số", 1, "chuyên mục", Text("Quý I/2024"), ht, "2, 3", "/chuyen-doi-so"),
                row(1, "Đăng tải thông tin công khai địa chỉ, số điện thoại đường dây nóng tiếp nhận phản ánh, kiến nghị về TTHC", 1, "tin", Date(2024, 1, 15), ht, "9", "/tin-tuc/duong-day-nong-tiep-nhan-phan-anh-kien-nghi"),
                row(2, "Cập nhật, công khai TTHC thuộc thẩm quyền giải quyết của Sở", 53, "thủ tục", Text("Thường xuyên"), ht, "2, 4", "/thu-tuc-hanh-chinh"),
                row(2, "Đăng tải Quyết định công bố danh mục TTHC được sửa đổi, bổ sung lĩnh vực KH&CN", 7, "văn bản", Text("15/03/2024"), ht, "2", "/van-ban/quyet-dinh-cong-bo-tthc"),
                row(2, "Đăng tải tin, bài tuyên truyền lợi ích dịch vụ công trực tuyến và Quyết định số 01/2024/QĐ-UBND", 18, "tin/bài", Text("Thường xuyên"), ht, "4", "/tin-tuc/dich-vu-cong-truc-tuyen"),
                row(2, "Đăng tải tin, bài về Chỉ số CCHC (PAR INDEX), SIPAS, DDCI, DTI năm 2023 của tỉnh", 6, "tin/bài", Text("tháng 7/2024"), ht, "5", "/tin-tuc/chi-so-cai-cach-hanh-chinh"),
                row(3, "Xuất bản Bản tin KH&CN Quảng Ngãi (số 1, 2, 3/2024), lồng ghép chuyên mục CCHC, chuyển đổi số", 3, "số", Text("Thường xuyên"), ht, "1, 2, 8", "/ban-tin-khcn"),
                row(3, "Biên tập Bản tin KH&CN Quảng Ngãi số 4/2024", 1, "số", Text("Quý IV/2024"), dth, "2, 3", "Đang biên tập, dự kiến phát hành tháng 12/2024"),
                row(3, "Phối hợp Đài PT-TH tỉnh thực hiện Chuyên mục KH&CN trên Đài PT-TH tỉnh", 12, "chuyên mục", Text("Thường xuyên"), ht, "2, 7", "https://ptquangngai.vn/khoa-hoc-cong-nghe"),
                row(3, "Phối hợp Báo Quảng Ngãi thực hiện trang chuyên đề KH&CN", 6, "bài", Text("02/01/2024 - 31/10/2024"), ht, "3, 8", "https://baoquangngai.vn/khoa-hoc-cong-nghe"),
                row(4, "Tổ chức Hội nghị nhân Ngày KH&CN Việt Nam 18/5, lồng ghép tuyên truyền CCHC (phối hợp Phòng HC-TH)", 1, "hội nghị", Date(2024, 5, 18), ht, "1, 8", "/tin-tuc/hoi-nghi-ngay-khcn-viet-nam-18-5-2024"),
                row(4, "Tổ chức trưng bày, giới thiệu sản phẩm KH&CN tiêu biểu và dịch vụ công trực tuyến của Sở", 1, "hoạt động", Text("15/5 - 20/5/2024"), ht, "4, 8", "/tin-tuc/trung-bay-san-pham-khcn-2024"),
                row(4, "Đăng tải tin, bài về các hoạt động nhân Ngày KH&CN Việt Nam 18/5", 8, "tin/bài", Text("tháng 5/2024"), ht, "1, 8", "/tin-tuc/ngay-khcn-viet-nam"),
            ],
        },
        // ------------------------------------------------------------------ HCTH
        Sample {
            code: "HCTH",
            stem: "HCTH",
            format: Format3::Xls,
            report_date: "14/11/2024",
            features: "Excel 97 (.xls, converted by LibreOffice); header at row 4 right under a short title block; \
                       `Đơn vị: Phòng Hành chính - Tổng hợp` in one cell; report date as text in the same cell; \
                       labels `Nội dung công việc`, `ĐVT`, `Thời gian thực hiện`, `Tiến độ`, `Ghi chú`; \
                       status `Đã hoàn thành`; remarks `Không` in-cell",
            shape: Shape::Own(Own {
                notes_sheet: None,
                sheet: "Sheet1",
                title: vec![
                    Title::Banner(TITLE),
                    Title::Label {
                        label: "Đơn vị:",
                        value: "Phòng Hành chính - Tổng hợp",
                        next_cell: false,
                    },
                    Title::ReportDate {
                        date: Text("14/11/2024"),
                        next_cell: false,
                    },
                ],
                header_row: 4,
                two_row_header: false,
                cols: vec![
                    (Col::Stt, "STT", 5.0),
                    (Col::Task, "Nhiệm vụ", 9.0),
                    (Col::Activity, "Nội dung công việc", 52.0),
                    (Col::Qty, "Số lượng", 9.0),
                    (Col::Measure, "ĐVT", 10.0),
                    (Col::Time, "Thời gian thực hiện", 16.0),
                    (Col::Status, "Tiến độ", 15.0),
                    (Col::Areas, "Nội dung tuyên truyền", 13.0),
                    (Col::Note, "Ghi chú", 30.0),
                ],
                task_style: TaskStyle::Number,
                qty_as_text: false,
                blank_after: &[],
                total_row: false,
            }),
            remarks: Remarks::InCell {
                difficulties: "Không.",
                proposals: "Không.",
            },
            signature: ("Người lập biểu", "TRƯỞNG PHÒNG", "Phạm Thị Mỹ Linh", "Nguyễn Thanh Tùng"),
            rows: vec![
                row(4, "Tham mưu Giám đốc Sở ban hành Kế hoạch tổ chức các hoạt động nhân Ngày KH&CN Việt Nam 18/5/2024", 1, "văn bản", Date(2024, 4, 10), "Đã hoàn thành", "1", "Kế hoạch số 412/KH-SKHCN ngày 10/4/2024"),
                row(4, "Chủ trì tổ chức Hội nghị nhân Ngày KH&CN Việt Nam 18/5, lồng ghép tuyên truyền CCHC, chuyển đổi số", 1, "hội nghị", Date(2024, 5, 18), "Đã hoàn thành", "1, 3", "Hội trường Sở, 120 đại biểu"),
                row(4, "Tổ chức gặp mặt, biểu dương tập thể, cá nhân điển hình trong hoạt động KH&CN và CCHC", 1, "buổi", Date(2024, 5, 17), "Đã hoàn thành", "6, 8", ""),
                row(4, "Treo băng rôn, khẩu hiệu tuyên truyền CCHC và Ngày KH&CN Việt Nam tại trụ sở Sở", 6, "hoạt động", Text("tháng 5/2024"), "Đã hoàn thành", "1", "06 băng rôn, khẩu hiệu theo mục III Kế hoạch"),
                row(1, "Cung cấp tin, bài về hoạt động CCHC của Sở cho Trang TTĐT (qua Trung tâm Ứng dụng)", 14, "tin/bài", Text("Thường xuyên"), "Đã hoàn thành", "1, 2", ""),
                row(2, "Gửi văn bản chỉ đạo, điều hành về CCHC của Sở để đăng tải lên Trang TTĐT", 22, "văn bản", Text("Thường xuyên"), "Đã hoàn thành", "1, 2", ""),
                row(2, "Tham mưu văn bản triển khai Quyết định số 01/2024/QĐ-UBND đến các phòng, đơn vị và đăng tải lên Trang TTĐT", 1, "văn bản", Text("25/01/2024"), "Đã hoàn thành", "4", "Công văn số 98/SKHCN-HCTH"),
                row(3, "Cung cấp bài viết về kết quả CCHC của Sở cho Bản tin KH&CN Quảng Ngãi", 2, "bài", Text("Quý III/2024"), "Đã hoàn thành", "2, 5", ""),
            ],
        },
        // ------------------------------------------------------------------ QLTC
        Sample {
            code: "QLTC",
            stem: "QLTC",
            format: Format3::Xlsx,
            report_date: "08/11/2024",
            features: "two-row header at rows 8–9 (`Kết quả` merged over `Số lượng` | `Đơn vị tính`, other header \
                       cells merged vertically, labels with line breaks); `Tên đơn vị: Phòng Quản lý TCĐLCL` in one cell; \
                       report date as a date cell; task cells `Nhiệm vụ số` as numbers; `Tổng cộng` row; \
                       remarks on the lines below their labels",
            shape: Shape::Own(Own {
                notes_sheet: None,
                sheet: "Biểu kết quả",
                title: vec![
                    Title::Letterhead {
                        unit_caps: "PHÒNG QUẢN LÝ TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG",
                    },
                    Title::Blank,
                    Title::Banner(TITLE),
                    Title::Sub("(Theo Kế hoạch tuyên truyền cải cách hành chính năm 2024 của Sở Khoa học và Công nghệ)"),
                    Title::Label {
                        label: "Tên đơn vị:",
                        value: "Phòng Quản lý TCĐLCL",
                        next_cell: false,
                    },
                    Title::ReportDate {
                        date: Date(2024, 11, 8),
                        next_cell: true,
                    },
                ],
                header_row: 8,
                two_row_header: true,
                cols: vec![
                    (Col::Stt, "STT", 5.0),
                    (Col::Task, "Nhiệm vụ số", 9.0),
                    (Col::Activity, "Nội dung\nthực hiện", 50.0),
                    (Col::Qty, "Số lượng", 9.0),
                    (Col::Measure, "Đơn vị\ntính", 10.0),
                    (Col::Time, "Thời gian\nthực hiện", 16.0),
                    (Col::Status, "Tình trạng", 13.0),
                    (Col::Areas, "Nội dung tuyên truyền", 13.0),
                    (Col::Note, "Ghi chú", 30.0),
                ],
                task_style: TaskStyle::Number,
                qty_as_text: false,
                blank_after: &[],
                total_row: true,
            }),
            remarks: Remarks::Below {
                difficulties: &[
                    "- Một số cơ quan cử học viên tham gia đào tạo chưa đúng thành phần (không phải cán bộ trực tiếp làm ISO).",
                    "- Kinh phí tổ chức đào tạo còn hạn chế, chưa tổ chức được lớp tại các huyện miền núi.",
                ],
                proposals: &[
                    "- Đề nghị Sở bố trí kinh phí năm 2025 để tổ chức thêm 01 lớp đào tạo tại khu vực miền núi.",
                    "- Đề nghị các cơ quan cử đúng thành phần tham gia và duy trì đội ngũ chuyên gia đánh giá nội bộ.",
                ],
            },
            signature: ("Người lập biểu", "TRƯỞNG PHÒNG", "Võ Minh Quân", "Đặng Thị Ngọc Ánh"),
            rows: vec![
                row(5, "Tổ chức 02 lớp đào tạo về duy trì, cải tiến, đánh giá nội bộ HTQLCL theo TCVN ISO 9001:2015 cho các cơ quan hành chính nhà nước trên địa bàn tỉnh", 2, "lớp", Text("Quý I - II/2024"), ht, "2, 8", "Lớp 1: 19–22/3/2024; lớp 2: 14–17/5/2024"),
                row(5, "Học viên là công chức các sở, ngành, UBND huyện, thị xã, thành phố tham gia 02 lớp đào tạo đánh giá nội bộ", 145, "học viên", Text("Quý I - II/2024"), ht, "2", "Lớp 1: 72 học viên; lớp 2: 73 học viên"),
                row(5, "Tổ chức hội thảo hướng dẫn áp dụng HTQLCL trên môi trường mạng cho các cơ quan hành chính nhà nước", 1, "buổi", Date(2024, 4, 24), ht, "2, 3", ""),
                row(1, "Cung cấp tin, bài về hoạt động tiêu chuẩn đo lường chất lượng, ISO hành chính cho Trang TTĐT của Sở", 9, "tin/bài", Text("Thường xuyên"), ht, "2", ""),
                row(2, "Rà soát, đề xuất công bố TTHC lĩnh vực tiêu chuẩn đo lường chất lượng để công khai trên Trang TTĐT", 12, "thủ tục", Text("tháng 6/2024"), ht, "2, 4", ""),
                row(3, "Viết bài cho Bản tin KH&CN Quảng Ngãi về áp dụng ISO 9001:2015 trong cơ quan hành chính", 2, "bài", Text("Quý II/2024"), ht, "2", ""),
                row(4, "Tham gia trưng bày, giới thiệu kết quả áp dụng HTQLCL tại hoạt động nhân Ngày KH&CN Việt Nam 18/5", 1, "hoạt động", Text("15/5 - 20/5/2024"), ht, "8", ""),
            ],
        },
        // ------------------------------------------------------------------ CCTC
        Sample {
            code: "CCTC",
            stem: "CCTC",
            format: Format3::Ods,
            report_date: "12/11/2024",
            features: "OpenDocument (.ods, converted by LibreOffice); short alias `Đơn vị: Chi cục TĐC` in one cell; \
                       report date as text `12/11/2024` in the next cell; header at row 7 with labels `TT`, \
                       `Mã nhiệm vụ`, `Hoạt động`, `Khối lượng`, `ĐVT`, `Ngày thực hiện`, `Trạng thái`, `Mục II`, \
                       `Đường dẫn`; task cells `NV6`; content areas `II.6`; task 6 `Đang thực hiện` in Q4",
            shape: Shape::Own(Own {
                notes_sheet: None,
                sheet: "KQ tuyen truyen",
                title: vec![
                    Title::Letterhead {
                        unit_caps: "CHI CỤC TIÊU CHUẨN ĐO LƯỜNG CHẤT LƯỢNG",
                    },
                    Title::Banner(TITLE),
                    Title::Label {
                        label: "Đơn vị:",
                        value: "Chi cục TĐC",
                        next_cell: false,
                    },
                    Title::ReportDate {
                        date: Text("12/11/2024"),
                        next_cell: true,
                    },
                ],
                header_row: 7,
                two_row_header: false,
                cols: vec![
                    (Col::Stt, "TT", 5.0),
                    (Col::Task, "Mã nhiệm vụ", 10.0),
                    (Col::Activity, "Hoạt động", 52.0),
                    (Col::Qty, "Khối lượng", 10.0),
                    (Col::Measure, "ĐVT", 10.0),
                    (Col::Time, "Ngày thực hiện", 17.0),
                    (Col::Status, "Trạng thái", 15.0),
                    (Col::Areas, "Mục II", 9.0),
                    (Col::Note, "Đường dẫn", 38.0),
                ],
                task_style: TaskStyle::Prefix("NV"),
                qty_as_text: false,
                blank_after: &[],
                total_row: false,
            }),
            remarks: Remarks::InCell {
                difficulties: "Một số cơ quan được kiểm tra chưa cập nhật tài liệu HTQLCL theo quy trình giải quyết TTHC mới được công bố.",
                proposals: "Đề nghị Sở đôn đốc các cơ quan khắc phục điểm chưa phù hợp sau kiểm tra; kết quả kiểm tra sẽ được báo cáo bổ sung khi hoàn thành trong tháng 12/2024.",
            },
            signature: ("Người lập biểu", "CHI CỤC TRƯỞNG", "Huỳnh Văn Phúc", "Bùi Quốc Khánh"),
            rows: vec![
                row(6, "Triển khai Kế hoạch kiểm tra việc xây dựng, áp dụng, duy trì, cải tiến HTQLCL theo TCVN ISO 9001:2015 tại các cơ quan hành chính nhà nước năm 2024 (Kế hoạch ban hành ngày 01/10/2024)", 1, "văn bản", Text("01/10/2024"), dth, "II.6", "/van-ban/ke-hoach-kiem-tra-iso-2024"),
                row(6, "Kiểm tra việc áp dụng, duy trì, cải tiến HTQLCL tại các cơ quan hành chính nhà nước (đã kiểm tra 8/15 cơ quan theo Kế hoạch)", 8, "cơ quan", Text("Quý IV/2024"), dth, "II.6", ""),
                row(6, "Hướng dẫn khắc phục điểm chưa phù hợp, lồng ghép tuyên truyền lợi ích áp dụng ISO hành chính và dịch vụ công trực tuyến qua các cuộc kiểm tra", 8, "cuộc", Text("07/10 - 08/11/2024"), dth, "4", ""),
                row(1, "Cung cấp tin, bài về hoạt động của Chi cục cho Trang TTĐT của Sở", 11, "tin/bài", Text("Thường xuyên"), ht, "2", "/tin-tuc/tieu-chuan-do-luong-chat-luong"),
                row(2, "Niêm yết công khai TTHC lĩnh vực đo lường, chất lượng sản phẩm hàng hóa tại Bộ phận một cửa và gửi đăng tải trên Trang TTĐT", 14, "thủ tục", Date(2024, 3, 15), ht, "II.4", "/thu-tuc-hanh-chinh/linh-vuc-do-luong"),
                row(4, "Kiểm tra, hiệu chỉnh miễn phí cân cho tiểu thương tại các chợ nhân Ngày KH&CN Việt Nam 18/5", 120, "lượt", Text("tháng 5/2024"), ht, "8", ""),
            ],
        },
        // ------------------------------------------------------------------ TTRA
        Sample {
            code: "TTRA",
            stem: "TTRA",
            format: Format3::Xlsx,
            report_date: "18/11/2024 (late: W202)",
            features: "filled in the official template (`baocao template --unit TTRA`), the path units are meant \
                       to follow: title block, header at row 8 and task headings `1. … (phối hợp)` as the template \
                       writes them; each row in the prepared rows under its task's heading, task cells empty; \
                       report date as a date cell `18/11/2024`, after the deadline (expected W202); remarks in \
                       the template's difficulties and proposals cells",
            shape: Shape::Template {
                report_date: (2024, 11, 18),
            },
            remarks: Remarks::Below {
                difficulties: &[
                    "- Lực lượng thanh tra mỏng, việc viết tin, bài tuyên truyền còn hạn chế.",
                ],
                proposals: &[
                    "- Đề nghị Trung tâm Ứng dụng và Dịch vụ KH&CN tổ chức tập huấn kỹ năng viết tin, bài cho công chức đầu mối các phòng, đơn vị.",
                ],
            },
            signature: ("Người lập biểu", "CHÁNH THANH TRA", "Lê Thị Kim Oanh", "Trương Công Định"),
            rows: vec![
                row(1, "Cung cấp tin, bài về kết quả thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo cho Trang TTĐT của Sở", 6, "tin/bài", Text("Thường xuyên"), ht, "6", ""),
                row(2, "Công khai Kế hoạch thanh tra năm 2024 và các kết luận thanh tra trên Trang TTĐT", 5, "văn bản", Text("Năm 2024"), ht, "6", ""),
                row(2, "Công khai địa chỉ, số điện thoại đường dây nóng tiếp nhận phản ánh, kiến nghị của tổ chức, cá nhân", 1, "tin", Text("15/01/2024"), ht, "9", ""),
                row(3, "Viết bài về công tác thanh tra chuyên ngành KH&CN gắn với CCHC đăng trên Bản tin KH&CN Quảng Ngãi", 1, "bài", Text("Quý III/2024"), ht, "6", ""),
                row(4, "Cử công chức tham dự Hội nghị nhân Ngày KH&CN Việt Nam 18/5", 3, "người", Text("18/05/2024"), ht, "1", ""),
            ],
        },
        // ------------------------------------------------------------------ QLKH
        Sample {
            code: "QLKH",
            stem: "Bao cao CCHC - Phong QLKH",
            format: Format3::Xlsx,
            report_date: "11/11/2024",
            features: "descriptive file name (unit from the title block); first sheet `Hướng dẫn` has no table, the \
                       table is on sheet 2; `Đơn vị: Phòng Quản lý Khoa học` in one cell; report date as a date cell; \
                       header at row 8; task column `Hình thức tuyên truyền` with `1. Duy trì …` texts; content \
                       areas `2; 3`; remarks in-cell",
            shape: Shape::Own(Own {
                notes_sheet: Some((
                    "Hướng dẫn",
                    &[
                        "HƯỚNG DẪN ĐIỀN BIỂU",
                        "Mỗi dòng là một hoạt động đã thực hiện theo Kế hoạch tuyên truyền CCHC năm 2024 của Sở.",
                        "Cột hình thức tuyên truyền ghi số thứ tự nhiệm vụ tại mục IV của Kế hoạch.",
                        "Gửi về Phòng Hành chính - Tổng hợp trước ngày 15/11/2024.",
                    ],
                )),
                sheet: "Kết quả 2024",
                title: vec![
                    Title::Letterhead {
                        unit_caps: "PHÒNG QUẢN LÝ KHOA HỌC",
                    },
                    Title::Blank,
                    Title::Banner(TITLE),
                    Title::Blank,
                    Title::Label {
                        label: "Đơn vị:",
                        value: "Phòng Quản lý Khoa học",
                        next_cell: false,
                    },
                    Title::ReportDate {
                        date: Date(2024, 11, 11),
                        next_cell: true,
                    },
                ],
                header_row: 8,
                two_row_header: false,
                cols: vec![
                    (Col::Stt, "STT", 5.0),
                    (Col::Task, "Hình thức tuyên truyền", 34.0),
                    (Col::Activity, "Nội dung thực hiện", 46.0),
                    (Col::Qty, "Số lượng", 9.0),
                    (Col::Measure, "Đơn vị tính", 11.0),
                    (Col::Time, "Thời gian", 15.0),
                    (Col::Status, "Tình trạng", 13.0),
                    (Col::Areas, "Nội dung tuyên truyền", 13.0),
                    (Col::Note, "Minh chứng", 36.0),
                ],
                task_style: TaskStyle::Titled,
                qty_as_text: false,
                blank_after: &[],
                total_row: false,
            }),
            remarks: Remarks::InCell {
                difficulties: "Không.",
                proposals: "Đề nghị tăng cường đăng tải kết quả nhiệm vụ KH&CN ứng dụng vào CCHC, chuyển đổi số trên Trang TTĐT của Sở.",
            },
            signature: ("Người lập biểu", "TRƯỞNG PHÒNG", "Nguyễn Thị Hồng Nhung", "Phan Đình Sơn"),
            rows: vec![
                row(1, "Cung cấp tin, bài về quản lý nhiệm vụ KH&CN, tiếp nhận hồ sơ đề xuất đặt hàng trên môi trường mạng", 8, "tin/bài", Text("Thường xuyên"), ht, "2; 3", "/tin-tuc/quan-ly-khoa-hoc"),
                row(2, "Công khai danh mục nhiệm vụ KH&CN cấp tỉnh đặt hàng năm 2025 và kết quả tuyển chọn, giao trực tiếp", 3, "văn bản", Text("tháng 7/2024"), ht, "2", "/van-ban/danh-muc-nhiem-vu-khcn-2025"),
                row(2, "Rà soát, đề xuất đơn giản hóa TTHC lĩnh vực hoạt động KH&CN", 4, "thủ tục", Text("Quý II/2024"), ht, "2; 4", ""),
                row(3, "Cung cấp thông tin kết quả đề tài, dự án KH&CN ứng dụng vào CCHC, chuyển đổi số cho Chuyên mục KH&CN trên Đài PT-TH tỉnh", 3, "chuyên mục", Text("Năm 2024"), ht, "3; 8", ""),
                row(4, "Tổ chức tọa đàm \"Khoa học và công nghệ với chuyển đổi số, cải cách hành chính\" nhân Ngày KH&CN Việt Nam 18/5", 1, "buổi", Date(2024, 5, 16), ht, "3", "/tin-tuc/toa-dam-khcn-voi-chuyen-doi-so"),
            ],
        },
        // ------------------------------------------------------------------ QLCN
        Sample {
            code: "QLCN",
            stem: "QLCN",
            format: Format3::Xls,
            report_date: "13/11/2024",
            features: "Excel 97 (.xls, converted by LibreOffice); `Đơn vị báo cáo:` | `Phòng Quản lý Công nghệ và \
                       Chuyên ngành` in the next cell; report date as text; header at row 6; quantities typed as \
                       text (`1.250` = 1250); times as date cells; no remarks",
            shape: Shape::Own(Own {
                notes_sheet: None,
                sheet: "BC CCHC 2024",
                title: vec![
                    Title::Banner(AGENCY),
                    Title::Banner(TITLE),
                    Title::Blank,
                    Title::Label {
                        label: "Đơn vị báo cáo:",
                        value: "Phòng Quản lý Công nghệ và Chuyên ngành",
                        next_cell: true,
                    },
                    Title::ReportDate {
                        date: Text("13/11/2024"),
                        next_cell: true,
                    },
                ],
                header_row: 6,
                two_row_header: false,
                cols: vec![
                    (Col::Stt, "STT", 5.0),
                    (Col::Task, "Nhiệm vụ", 9.0),
                    (Col::Activity, "Nội dung thực hiện", 52.0),
                    (Col::Qty, "Số lượng", 9.0),
                    (Col::Measure, "Đơn vị tính", 11.0),
                    (Col::Time, "Thời gian", 14.0),
                    (Col::Status, "Tình trạng", 13.0),
                    (Col::Note, "Ghi chú", 30.0),
                ],
                task_style: TaskStyle::Number,
                qty_as_text: true,
                blank_after: &[],
                total_row: false,
            }),
            remarks: Remarks::None,
            signature: ("Người lập biểu", "TRƯỞNG PHÒNG", "Đoàn Thị Thanh Thảo", "Hồ Ngọc Bảo"),
            rows: vec![
                row(1, "Cung cấp tin, bài về quản lý công nghệ, an toàn bức xạ, sở hữu trí tuệ cho Trang TTĐT của Sở", 7, "tin/bài", Date(2024, 10, 31), ht, "", "Lũy kế đến 31/10/2024"),
                row(1, "Lượt truy cập các tin, bài CCHC do Phòng cung cấp trên Trang TTĐT của Sở", 1250, "lượt", Date(2024, 10, 31), ht, "", "Theo thống kê của Trang TTĐT"),
                row(2, "Cập nhật quy trình nội bộ giải quyết TTHC lĩnh vực an toàn bức xạ và hạt nhân để công khai trên Trang TTĐT", 16, "thủ tục", Date(2024, 6, 28), ht, "", ""),
                row(3, "Phối hợp xây dựng Chuyên mục KH&CN trên Đài PT-TH tỉnh về đổi mới công nghệ, sở hữu trí tuệ", 2, "chuyên mục", Date(2024, 8, 20), ht, "", ""),
                row(4, "Phối hợp trưng bày sản phẩm được bảo hộ sở hữu trí tuệ, sản phẩm OCOP nhân Ngày KH&CN Việt Nam 18/5", 1, "hoạt động", Date(2024, 5, 18), ht, "", ""),
                row(4, "Hướng dẫn tổ chức, cá nhân nộp hồ sơ đăng ký sở hữu công nghiệp trực tuyến tại khu trưng bày", 35, "lượt", Date(2024, 5, 19), ht, "", ""),
            ],
        },
    ]
}
