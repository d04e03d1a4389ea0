//! The blank results spreadsheet a unit fills in (`baocao template`): the title
//! block, the header of `input-spreadsheet.md`, one heading row per task the unit
//! leads or coordinates with empty rows under it, input guards, and a `Hướng dẫn`
//! sheet. The file is built from the plan alone, so the same plan gives the same
//! bytes. Every word a user reads in the file is in [`words`].

use std::ops::Range;

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties,
    ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, ProtectionOptions, Workbook,
    Worksheet, XlsxError,
};

use crate::plan::{Plan, Role, Task, Unit};
use crate::text::dmy;

/// The template's wording, in one place. `{year}` and similar are filled from the plan.
pub mod words {
    /// The form's title; `{year}` is the plan year.
    pub const FORM_TITLE: &str =
        "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM {year}";
    /// The line under the title; `{plan}` is the plan's title.
    pub const FORM_SUBTITLE: &str = "(Theo {plan})";
    pub const UNIT_LABEL: &str = "Đơn vị:";
    pub const DATE_LABEL: &str = "Ngày báo cáo:";
    /// Appended to a task heading the unit leads (after the title: the leading
    /// number is what the checker reads).
    pub const LEAD_MARK: &str = "(chủ trì)";
    pub const COORDINATING_MARK: &str = "(phối hợp)";
    pub const DIFFICULTIES_LABEL: &str = "Khó khăn, vướng mắc:";
    pub const PROPOSALS_LABEL: &str = "Đề xuất, kiến nghị:";
    pub const PREPARER: &str = "Người lập biểu";
    pub const HEAD: &str = "Thủ trưởng đơn vị";
    pub const SIGN_HINT: &str = "(Ký, ghi rõ họ tên)";
    pub const HEAD_SIGN_HINT: &str = "(Ký, ghi rõ họ tên, đóng dấu nếu có)";

    /// The accepted statuses, in the drop-down's order.
    pub const STATUSES: [&str; 3] = ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"];

    pub const SHEET_FORM: &str = "Kết quả";
    pub const SHEET_GUIDE: &str = "Hướng dẫn";
    /// Hidden sheet holding the unit-of-measure list when it is too long to inline.
    pub const SHEET_LISTS: &str = "Danh mục";

    pub const DATE_PROMPT_TITLE: &str = "Ngày báo cáo";
    /// `{example}` is the units' deadline as dd/mm/yyyy.
    pub const DATE_PROMPT: &str =
        "Nhập ngày gửi báo cáo theo dạng ngày/tháng/năm, ví dụ {example}.";
    pub const DATE_ERROR_TITLE: &str = "Ngày không hợp lệ";
    /// `{from}`, `{to}`: the accepted range as dd/mm/yyyy.
    pub const DATE_ERROR: &str =
        "Hãy nhập một ngày từ {from} đến {to}, dạng ngày/tháng/năm, ví dụ {example}.";
    pub const QUANTITY_ERROR_TITLE: &str = "Số lượng không hợp lệ";
    pub const QUANTITY_ERROR: &str =
        "Số lượng phải là số nguyên không âm, ví dụ 12. Không ghi chữ, không ghi số thập phân.";
    pub const STATUS_ERROR_TITLE: &str = "Tình trạng không hợp lệ";
    pub const STATUS_ERROR: &str =
        "Hãy chọn trong danh sách: Hoàn thành, Đang thực hiện, Chưa thực hiện.";
    pub const MEASURE_ERROR_TITLE: &str = "Đơn vị tính chưa có";
    pub const MEASURE_ERROR: &str =
        "Đơn vị tính này không có trong danh sách của Kế hoạch. Chọn Yes để giữ, No để chọn lại.";

    /// One header column: label, width, and the prompt shown when a cell is selected.
    pub struct Column {
        pub label: &'static str,
        pub width: f64,
        pub prompt_title: &'static str,
        /// `{year}` is the plan year, `{measures}` a few units of measure.
        pub prompt: &'static str,
    }

    /// The header, in column order (labels from `input-spreadsheet.md`).
    pub const COLUMNS: [Column; 9] = [
        Column {
            label: "STT",
            width: 6.0,
            prompt_title: "Số thứ tự",
            prompt: "Không bắt buộc. Có thể để trống.",
        },
        Column {
            label: "Nhiệm vụ",
            width: 14.0,
            prompt_title: "Nhiệm vụ",
            prompt: "Để trống: dòng thuộc nhiệm vụ ở dòng tiêu đề tô màu phía trên. Nếu ghi, ghi số nhiệm vụ tại mục IV của Kế hoạch, ví dụ 4 (xem trang Hướng dẫn).",
        },
        Column {
            label: "Nội dung thực hiện",
            width: 42.0,
            prompt_title: "Nội dung thực hiện",
            prompt: "Ghi cụ thể công việc đã làm, mỗi hoạt động một dòng. Ví dụ: Đăng tin về CCHC trên Trang Thông tin điện tử của Sở.",
        },
        Column {
            label: "Số lượng",
            width: 10.0,
            prompt_title: "Số lượng",
            prompt: "Nhập số nguyên không âm, ví dụ 12. Để trống nếu hoạt động không đếm được.",
        },
        Column {
            label: "Đơn vị tính",
            width: 13.0,
            prompt_title: "Đơn vị tính",
            prompt: "Chọn trong danh sách ({measures}…). Bắt buộc khi có số lượng.",
        },
        Column {
            label: "Thời gian",
            width: 20.0,
            prompt_title: "Thời gian",
            prompt: "Ghi một trong các dạng: 15/05/{year} (ngày/tháng/năm); 15/05/{year} - 20/05/{year}; tháng 5/{year}; Quý II/{year}; Thường xuyên.",
        },
        Column {
            label: "Tình trạng",
            width: 16.0,
            prompt_title: "Tình trạng",
            prompt: "Chọn: Hoàn thành, Đang thực hiện hoặc Chưa thực hiện.",
        },
        Column {
            label: "Nội dung tuyên truyền (mục II)",
            width: 16.0,
            prompt_title: "Nội dung tuyên truyền",
            prompt: "Ghi số các nội dung tại mục II của Kế hoạch, cách nhau bằng dấu phẩy, ví dụ: 1, 4, 7 (danh sách ở trang Hướng dẫn).",
        },
        Column {
            label: "Minh chứng",
            width: 30.0,
            prompt_title: "Minh chứng",
            prompt: "Đường dẫn bài viết, số hiệu văn bản hoặc ghi chú. Không bắt buộc.",
        },
    ];

    // The `Hướng dẫn` sheet.
    pub const GUIDE_TITLE: &str = "HƯỚNG DẪN GHI BIỂU KẾT QUẢ NĂM {year}";
    /// `{unit}` is the unit's full name.
    pub const GUIDE_FOR: &str = "Dành cho: {unit}";
    pub const GUIDE_HOW: &str = "1. Cách ghi";
    pub const GUIDE_HOW_LINES: [&str; 6] = [
        "Mỗi hoạt động ghi một dòng, ở các dòng trống ngay dưới dòng tiêu đề (tô màu) của nhiệm vụ. Dòng để trống cột Nhiệm vụ thuộc nhiệm vụ của dòng tiêu đề phía trên.",
        "Nhiệm vụ ghi \"(chủ trì)\": đơn vị phải báo cáo ít nhất một dòng; nếu chưa làm, ghi một dòng với Tình trạng \"Chưa thực hiện\" và lý do ở cột Minh chứng.",
        "Nhiệm vụ ghi \"(phối hợp)\": ghi các hoạt động đơn vị đã tham gia; không có thì để trống.",
        "Cần thêm dòng: chọn dòng trống cuối cùng của nhiệm vụ (không chọn dòng ngay dưới tiêu đề), nhấn chuột phải, chọn Chèn (Insert) cả dòng; dòng mới thuộc nhiệm vụ đó.",
        "Không sửa tiêu đề cột, không xoá dòng tiêu đề nhiệm vụ, không đổi tên trang tính.",
        "Khó khăn, vướng mắc và đề xuất, kiến nghị (nếu có) ghi ở cuối biểu; không có thì ghi \"Không\".",
    ];
    pub const GUIDE_TASKS: &str = "2. Các nhiệm vụ của Kế hoạch (mục IV)";
    pub const GUIDE_TASK_HEADER: [&str; 6] = [
        "Số",
        "Nhiệm vụ",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian",
        "Vai trò của đơn vị",
    ];
    pub const ROLE_LEAD: &str = "Chủ trì";
    pub const ROLE_COORDINATING: &str = "Phối hợp";
    pub const ROLE_NONE: &str = "Không giao";
    pub const NOBODY: &str = "—";
    pub const GUIDE_AREAS: &str = "3. Nội dung tuyên truyền (mục II của Kế hoạch)";
    pub const GUIDE_TIMES: &str = "4. Cách ghi Thời gian (ngày trước, tháng sau)";
    /// (what, example); `{year}` is the plan year.
    pub const GUIDE_TIME_FORMS: [(&str, &str); 5] = [
        ("Một ngày", "15/05/{year}"),
        ("Một khoảng thời gian", "15/05/{year} - 20/05/{year}"),
        ("Một tháng", "tháng 5/{year}"),
        ("Một quý", "Quý II/{year}"),
        ("Cả năm", "Thường xuyên"),
    ];
    pub const GUIDE_STATUSES: &str = "5. Tình trạng (chọn một)";
    pub const GUIDE_MEASURES: &str = "6. Đơn vị tính";
    pub const GUIDE_SEND: &str = "7. Trước khi gửi";
    /// `{deadline}` as dd/mm/yyyy, `{compiler}` the compiling unit's name.
    pub const GUIDE_SEND_LINES: [&str; 3] = [
        "Kiểm tra tệp bằng lệnh: baocao check TEN-TEP.xlsx, rồi sửa hết các lỗi được báo (mã bắt đầu bằng E).",
        "Hạn gửi: {deadline}.",
        "Gửi về: {compiler}.",
    ];

    pub const DOC_TITLE: &str = "Biểu kết quả thực hiện Kế hoạch tuyên truyền CCHC năm {year}";
}

/// 0-based column indexes of the header, in [`words::COLUMNS`] order.
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
pub fn heading(task: &Task, role: Role) -> String {
    let mark = match role {
        Role::Lead => words::LEAD_MARK,
        Role::Coordinating => words::COORDINATING_MARK,
    };
    format!("{}. {} {mark}", task.number, task.title)
}

/// The template as .xlsx bytes.
pub fn to_bytes(plan: &Plan, unit: &Unit) -> Result<Vec<u8>, XlsxError> {
    let (mut workbook, _) = workbook(plan, unit)?;
    workbook.save_to_buffer()
}

/// Builds the template workbook and returns it with its layout (so a test can fill
/// it in before saving).
pub fn workbook(plan: &Plan, unit: &Unit) -> Result<(Workbook, Layout), XlsxError> {
    let layout = layout(plan, unit);
    let mut workbook = Workbook::new();
    let year = u16::try_from(plan.year).expect("validated year");
    let properties = DocProperties::new()
        .set_title(words::DOC_TITLE.replace("{year}", &plan.year.to_string()))
        .set_author(&plan.agency)
        .set_company(&plan.agency)
        .set_subject(&unit.name)
        .set_creation_datetime(&ExcelDateTime::from_ymd(year, 1, 1)?);
    workbook.set_properties(&properties);

    let measures = measure_list(plan);
    let form = workbook.add_worksheet();
    write_form(form, plan, unit, &layout, &measures)?;
    let guide = workbook.add_worksheet();
    write_guide(guide, plan, unit)?;
    if let MeasureList::Sheet(_) = measures {
        let lists = workbook.add_worksheet();
        lists.set_name(words::SHEET_LISTS)?;
        for (i, m) in plan.units_of_measure.iter().enumerate() {
            lists.write_string(i as u32, 0, m)?;
        }
        lists.set_hidden(true);
        lists.protect();
    }
    Ok((workbook, layout))
}

/// How the unit-of-measure drop-down gets its values.
enum MeasureList {
    /// Inline in the validation (short lists).
    Inline,
    /// A range on the hidden list sheet (Excel's inline lists stop at 255 characters
    /// and cannot hold commas).
    Sheet(Formula),
}

fn measure_list(plan: &Plan) -> MeasureList {
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
            words::SHEET_LISTS,
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

fn write_form(
    ws: &mut Worksheet,
    plan: &Plan,
    unit: &Unit,
    layout: &Layout,
    measures: &MeasureList,
) -> Result<(), XlsxError> {
    let f = Formats::new();
    let year = plan.year.to_string();
    ws.set_name(words::SHEET_FORM)?;
    for (c, column) in words::COLUMNS.iter().enumerate() {
        ws.set_column_width(c as u16, column.width)?;
    }

    // Title block (locked).
    ws.merge_range(
        layout.agency_row,
        0,
        layout.agency_row,
        col::LAST,
        &agency_line(plan),
        &f.agency,
    )?;
    ws.merge_range(
        layout.title_row,
        0,
        layout.title_row,
        col::LAST,
        &words::FORM_TITLE.replace("{year}", &year),
        &f.title,
    )?;
    ws.set_row_height(layout.title_row, 36)?;
    ws.merge_range(
        layout.subtitle_row,
        0,
        layout.subtitle_row,
        col::LAST,
        &words::FORM_SUBTITLE.replace("{plan}", &plan.title),
        &f.subtitle,
    )?;
    ws.merge_range(
        layout.unit_row,
        0,
        layout.unit_row,
        col::TASK,
        words::UNIT_LABEL,
        &f.label,
    )?;
    ws.merge_range(
        layout.unit_row,
        col::ACTIVITY,
        layout.unit_row,
        col::LAST,
        &unit.name,
        &f.value,
    )?;
    ws.merge_range(
        layout.date_row,
        0,
        layout.date_row,
        col::TASK,
        words::DATE_LABEL,
        &f.label,
    )?;
    ws.write_blank(layout.date_row, col::ACTIVITY, &f.date)?;
    let (from, to) = (
        ExcelDateTime::from_ymd(plan.year as u16, 1, 1)?,
        ExcelDateTime::from_ymd(plan.year as u16 + 1, 12, 31)?,
    );
    let example = dmy(plan.deadlines.units_report);
    let date_rule = DataValidation::new()
        .allow_date(DataValidationRule::Between(from, to))
        .set_input_title(words::DATE_PROMPT_TITLE)?
        .set_input_message(words::DATE_PROMPT.replace("{example}", &example))?
        .set_error_title(words::DATE_ERROR_TITLE)?
        .set_error_message(
            words::DATE_ERROR
                .replace("{from}", &format!("01/01/{}", plan.year))
                .replace("{to}", &format!("31/12/{}", plan.year + 1))
                .replace("{example}", &example),
        )?;
    ws.add_data_validation(
        layout.date_row,
        col::ACTIVITY,
        layout.date_row,
        col::ACTIVITY,
        &date_rule,
    )?;

    // Header.
    for (c, column) in words::COLUMNS.iter().enumerate() {
        ws.write_string_with_format(layout.header_row, c as u16, column.label, &f.header)?;
    }
    ws.set_row_height(layout.header_row, 48)?;

    // Task headings and the empty rows under them.
    let table_width: f64 = words::COLUMNS[1..].iter().map(|c| c.width).sum();
    for g in &layout.groups {
        let task = plan.task(g.task).expect("assigned task is in the plan");
        let text = heading(task, g.role);
        let format = match g.role {
            Role::Lead => &f.lead_heading,
            Role::Coordinating => &f.coordinating_heading,
        };
        ws.write_blank(g.row, col::NUMBER, format)?;
        ws.merge_range(g.row, col::TASK, g.row, col::LAST, &text, format)?;
        // Excel does not grow merged cells to fit: size the row for the text.
        let lines = (text.chars().count() as f64 * 1.1 / table_width)
            .ceil()
            .max(1.0);
        ws.set_row_height(g.row, 16.0 * lines + 2.0)?;
        for r in g.data_rows.clone() {
            write_empty_row(ws, r, &f)?;
        }
    }
    for r in layout.free_rows.clone() {
        write_empty_row(ws, r, &f)?;
    }

    // Input guards and prompts over the whole data area; Excel extends them to rows
    // inserted inside it.
    let area = layout.data_area();
    if !area.is_empty() {
        add_guards(ws, plan, area.start, area.end - 1, measures)?;
    }

    // The unit's remarks and the signature block.
    for (r, label) in [
        (layout.difficulties_row, words::DIFFICULTIES_LABEL),
        (layout.proposals_row, words::PROPOSALS_LABEL),
    ] {
        ws.merge_range(r, 0, r, col::TASK, label, &f.label)?;
        ws.merge_range(r, col::ACTIVITY, r, col::LAST, "", &f.remarks)?;
        ws.set_row_height(r, 48)?;
    }
    let s = layout.signature_row;
    ws.merge_range(s, 0, s, col::ACTIVITY, words::PREPARER, &f.signature)?;
    ws.merge_range(s, col::TIME, s, col::LAST, words::HEAD, &f.signature)?;
    ws.merge_range(
        s + 1,
        0,
        s + 1,
        col::ACTIVITY,
        words::SIGN_HINT,
        &f.sign_hint,
    )?;
    ws.merge_range(
        s + 1,
        col::TIME,
        s + 1,
        col::LAST,
        words::HEAD_SIGN_HINT,
        &f.sign_hint,
    )?;

    ws.set_freeze_panes(layout.header_row + 1, 0)?;
    ws.set_repeat_rows(layout.header_row, layout.header_row)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    ws.set_active(true);
    ws.protect_with_options(&ProtectionOptions {
        format_cells: true,
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        delete_rows: true,
        ..ProtectionOptions::new()
    });
    Ok(())
}

fn write_empty_row(ws: &mut Worksheet, row: u32, f: &Formats) -> Result<(), XlsxError> {
    for (c, format) in f.data.iter().enumerate() {
        ws.write_blank(row, c as u16, format)?;
    }
    Ok(())
}

/// Drop-downs, number checks and a prompt on every column of rows `first..=last`.
fn add_guards(
    ws: &mut Worksheet,
    plan: &Plan,
    first: u32,
    last: u32,
    measures: &MeasureList,
) -> Result<(), XlsxError> {
    let year = plan.year.to_string();
    let some_measures = plan
        .units_of_measure
        .iter()
        .take(4)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    for (c, column) in words::COLUMNS.iter().enumerate() {
        let c = c as u16;
        let rule = match c {
            col::QUANTITY => DataValidation::new()
                .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
                .set_error_title(words::QUANTITY_ERROR_TITLE)?
                .set_error_message(words::QUANTITY_ERROR)?,
            col::STATUS => DataValidation::new()
                .allow_list_strings(&words::STATUSES)?
                .set_error_title(words::STATUS_ERROR_TITLE)?
                .set_error_message(words::STATUS_ERROR)?,
            col::MEASURE => {
                let rule = match measures {
                    MeasureList::Inline => {
                        DataValidation::new().allow_list_strings(&plan.units_of_measure)?
                    }
                    MeasureList::Sheet(formula) => {
                        DataValidation::new().allow_list_formula(formula.clone())
                    }
                };
                // A warning, not a stop: a unit may need a measure the plan lacks
                // (the checker then says W114).
                rule.set_error_style(DataValidationErrorStyle::Warning)
                    .set_error_title(words::MEASURE_ERROR_TITLE)?
                    .set_error_message(words::MEASURE_ERROR)?
            }
            _ => DataValidation::new().allow_any_value(),
        };
        let prompt = column
            .prompt
            .replace("{year}", &year)
            .replace("{measures}", &some_measures);
        let rule = rule
            .set_input_title(column.prompt_title)?
            .set_input_message(prompt)?;
        ws.add_data_validation(first, c, last, c, &rule)?;
    }
    Ok(())
}

fn write_guide(ws: &mut Worksheet, plan: &Plan, unit: &Unit) -> Result<(), XlsxError> {
    let base = Format::new().set_font_name(FONT).set_font_size(12);
    let title = base.clone().set_bold().set_font_size(14);
    let section = base.clone().set_bold();
    let text = base.clone().set_text_wrap().set_align(FormatAlign::Top);
    let cell = text.clone().set_border(FormatBorder::Thin);
    let number = cell.clone().set_align(FormatAlign::Center);
    let head = cell
        .clone()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_background_color(Color::RGB(HEADER_FILL));
    let year = plan.year.to_string();
    let last: u16 = 5;
    ws.set_name(words::SHEET_GUIDE)?;
    for (c, w) in [6.0, 60.0, 26.0, 26.0, 18.0, 14.0].into_iter().enumerate() {
        ws.set_column_width(c as u16, w)?;
    }

    let mut r: u32 = 0;
    ws.write_string_with_format(r, 0, words::GUIDE_TITLE.replace("{year}", &year), &title)?;
    r += 1;
    ws.write_string_with_format(r, 0, words::GUIDE_FOR.replace("{unit}", &unit.name), &base)?;
    r += 2;

    // A line of text across the sheet, sized for its length.
    let line = |ws: &mut Worksheet, r: u32, first: u16, s: &str| -> Result<(), XlsxError> {
        ws.merge_range(r, first, r, last, s, &text)?;
        let width = if first == 0 { 150.0 } else { 144.0 };
        let lines = (s.chars().count() as f64 * 1.1 / width).ceil().max(1.0);
        ws.set_row_height(r, 16.0 * lines + 2.0)?;
        Ok(())
    };

    ws.write_string_with_format(r, 0, words::GUIDE_HOW, &section)?;
    r += 1;
    for s in words::GUIDE_HOW_LINES {
        ws.write_string_with_format(r, 0, "•", &text)?;
        line(ws, r, 1, s)?;
        r += 1;
    }
    r += 1;

    ws.write_string_with_format(r, 0, words::GUIDE_TASKS, &section)?;
    r += 1;
    for (c, h) in words::GUIDE_TASK_HEADER.iter().enumerate() {
        ws.write_string_with_format(r, c as u16, *h, &head)?;
    }
    r += 1;
    for task in &plan.tasks {
        let leads = task
            .lead_units
            .iter()
            .map(|code| plan.unit(code).map_or(code.as_str(), |u| u.name.as_str()))
            .collect::<Vec<_>>()
            .join("; ");
        let coordinating = if task.coordinating_text.is_empty() {
            words::NOBODY
        } else {
            task.coordinating_text.as_str()
        };
        let role = match plan.role(task, &unit.code) {
            Some(Role::Lead) => words::ROLE_LEAD,
            Some(Role::Coordinating) => words::ROLE_COORDINATING,
            None => words::ROLE_NONE,
        };
        ws.write_number_with_format(r, 0, task.number, &number)?;
        ws.write_string_with_format(r, 1, &task.title, &cell)?;
        ws.write_string_with_format(r, 2, &leads, &cell)?;
        ws.write_string_with_format(r, 3, coordinating, &cell)?;
        ws.write_string_with_format(r, 4, &task.timeline_text, &cell)?;
        ws.write_string_with_format(r, 5, role, &cell)?;
        let lines = (task.title.chars().count() as f64 * 1.1 / 60.0)
            .ceil()
            .max(1.0);
        ws.set_row_height(r, 16.0 * lines + 2.0)?;
        r += 1;
    }
    r += 1;

    ws.write_string_with_format(r, 0, words::GUIDE_AREAS, &section)?;
    r += 1;
    for area in &plan.content_areas {
        ws.write_number_with_format(r, 0, area.number, &number)?;
        ws.merge_range(r, 1, r, last, &area.title, &cell)?;
        let lines = (area.title.chars().count() as f64 * 1.1 / 144.0)
            .ceil()
            .max(1.0);
        ws.set_row_height(r, 16.0 * lines + 2.0)?;
        r += 1;
    }
    r += 1;

    ws.write_string_with_format(r, 0, words::GUIDE_TIMES, &section)?;
    r += 1;
    for (what, example) in words::GUIDE_TIME_FORMS {
        ws.write_string_with_format(r, 0, "•", &text)?;
        ws.write_string_with_format(r, 1, what, &text)?;
        ws.write_string_with_format(r, 2, example.replace("{year}", &year), &text)?;
        r += 1;
    }
    r += 1;

    ws.write_string_with_format(r, 0, words::GUIDE_STATUSES, &section)?;
    r += 1;
    for s in words::STATUSES {
        ws.write_string_with_format(r, 0, "•", &text)?;
        ws.write_string_with_format(r, 1, s, &text)?;
        r += 1;
    }
    r += 1;

    ws.write_string_with_format(r, 0, words::GUIDE_MEASURES, &section)?;
    r += 1;
    line(ws, r, 1, &plan.units_of_measure.join(", "))?;
    r += 2;

    ws.write_string_with_format(r, 0, words::GUIDE_SEND, &section)?;
    r += 1;
    let compiler = plan
        .unit(&plan.compiling_unit)
        .map_or(plan.compiling_unit.as_str(), |u| u.name.as_str());
    let deadline = dmy(plan.deadlines.units_report);
    for s in words::GUIDE_SEND_LINES {
        let s = s
            .replace("{deadline}", &deadline)
            .replace("{compiler}", compiler);
        ws.write_string_with_format(r, 0, "•", &text)?;
        line(ws, r, 1, &s)?;
        r += 1;
    }

    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.protect();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::is_nfc;

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
        let h = heading(plan.task(4).unwrap(), Role::Lead);
        assert!(h.starts_with("4. Tổ chức tuyên truyền"), "{h}");
        assert!(h.ends_with("(chủ trì)"), "{h}");
        assert!(heading(plan.task(1).unwrap(), Role::Coordinating).ends_with("(phối hợp)"));
    }

    #[test]
    fn wording_is_nfc_and_fits_excel_limits() {
        let all = [
            words::FORM_TITLE,
            words::UNIT_LABEL,
            words::DATE_LABEL,
            words::LEAD_MARK,
            words::DATE_PROMPT,
            words::QUANTITY_ERROR,
            words::STATUS_ERROR,
            words::MEASURE_ERROR,
        ];
        for s in all.iter().chain(words::STATUSES.iter()) {
            assert!(is_nfc(s), "{s}");
        }
        for c in &words::COLUMNS {
            assert!(is_nfc(c.label) && is_nfc(c.prompt), "{}", c.label);
            assert!(c.prompt_title.encode_utf16().count() <= 32, "{}", c.label);
            // Prompts grow by a few characters when filled in.
            assert!(c.prompt.encode_utf16().count() <= 220, "{}", c.label);
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
        assert!(to_bytes(&plan, unit).unwrap().starts_with(b"PK"));
    }

    #[test]
    fn every_unit_builds() {
        let plan = Plan::shipped();
        for unit in &plan.units {
            let bytes = to_bytes(&plan, unit).unwrap();
            assert!(bytes.starts_with(b"PK"), "{}", unit.code);
        }
    }
}
