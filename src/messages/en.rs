//! English (`--lang en`): the same texts as `vi.rs`, for readers without Vietnamese.

use super::{
    encoding_name, file_names, in_code_order, list, megabytes, quoted, units, w, Explanation as X,
    Texts, Wording,
};
use crate::finding::Code::{self, *};
use crate::finding::Kind;
use crate::read::table::Column;
use crate::read::FileKind;
use crate::text::dmy;

const FORMS: &str =
    "Write a day (18/05/2024), a month (05/2024), a quarter (Quý II/2024) or \"Thường xuyên\" (all year).";
const STATUSES: &str =
    "Write one of: Hoàn thành (done), Đang thực hiện (in progress), Chưa thực hiện (not started).";
const TOO_BIG: &str = "A real results spreadsheet is never this large: delete extra sheets, rows, columns or pictures and save again.";

/// The message and hint of a finding.
pub fn wording(k: &Kind) -> Wording {
    use Kind::*;
    match k {
        Corrupt { .. } => w(
            "This file cannot be read as a spreadsheet: it is damaged, incomplete or in an unsupported format.",
            "Open it in Excel or LibreOffice, save it as .xlsx and send it again.",
        ),
        NotSpreadsheet { found } => w(
            format!("This file is {}, not a spreadsheet, although its name ends like one.", file_kind(*found)),
            "Send the results spreadsheet itself (.xlsx, .xls or .ods).",
        ),
        NotRegularFile => w(
            "This is not an ordinary file (a pipe, socket or device), so it was not opened.",
            "Put the results spreadsheet itself in its place (.xlsx, .xls or .ods).",
        ),
        NoPermission => w(
            "The program is not allowed to read this file (file permissions).",
            "Give the user running baocao permission to read the file, or copy it to a folder of your own, and run again.",
        ),
        OldExcel => w(
            "This file is in the old Excel 2.x–4.0 format, which is not read.",
            "Open it in Excel or LibreOffice and save it again as .xlsx (Excel Workbook), then send it again.",
        ),
        Encrypted => w(
            "The file is password-protected and cannot be read.",
            "Remove the password (Excel: File → Info → Protect Workbook → Encrypt with Password, clear it), save and send again.",
        ),
        NoHeader { missing } => w(
            format!("No header row of the results table was found; missing columns: {}.", list(missing.iter().map(|c| column(*c)))),
            "Within the first 30 rows, have one header row with the columns Nhiệm vụ, Nội dung thực hiện, Số lượng, Đơn vị tính, Thời gian, Tình trạng; the form made by baocao template has them.",
        ),
        UnitUnknown { file_stem } => w(
            format!("The reporting unit is unknown: no \"Đơn vị:\" cell in the title block, and the file name \"{file_stem}\" names no unit."),
            "Write \"Đơn vị: <unit name>\" in the title block, or name the file after the unit's code, e.g. TTUD.xlsx.",
        ),
        UnitNotInPlan { written, suggestions } => w(
            format!("The unit \"{written}\" is not in the plan."),
            format!("Write the unit's name as the plan spells it. Did you mean: {}?", units(suggestions)),
        ),
        ForcedUnitNotInPlan { code, suggestions } => w(
            format!("The unit code \"{code}\" (option --unit) is not in the plan."),
            format!("Use one of the plan's unit codes, e.g. {}; baocao plan lists them.", units(suggestions)),
        ),
        FileTooLarge { limit, found } => w(
            format!("The file is too large: {}, over the limit of {}.", megabytes(*found), megabytes(*limit)),
            TOO_BIG,
        ),
        UncompressedTooLarge { limit, found } => w(
            format!("The file's content is too large once uncompressed: {}, over the limit of {}.", megabytes(*found), megabytes(*limit)),
            TOO_BIG,
        ),
        TooManyCells { limit, found } => w(
            format!("A sheet has too many non-empty cells: {found}, over the limit of {limit}."),
            TOO_BIG,
        ),
        AreaTooLarge { limit, found } => w(
            format!("The sheet's used area is too large: {found} cells from its first to its last used cell, over the limit of {limit} (usually a stray cell far from the table)."),
            TOO_BIG,
        ),
        TooManyRows { limit, found } => w(
            format!("A sheet uses rows up to {found}, over the limit of {limit} rows."),
            TOO_BIG,
        ),
        TooManyColumns { limit, found } => w(
            format!("A sheet uses columns up to number {found}, over the limit of {limit} columns."),
            TOO_BIG,
        ),
        TextTooLong { limit, found } => w(
            format!("A cell holds {found} characters, over the limit of {limit}."),
            "Shorten the cell's text; long evidence links can go in a separate file.",
        ),
        NoDataRows => w(
            "The header row was found but no data rows below it.",
            "Enter each activity carried out on its own row below the header.",
        ),
        MissingColumn { column: c, found, nearest } => w(
            format!(
                "The header row has no {} column. Columns in the header row: {}.{}",
                column(*c),
                quoted(found),
                nearest.as_ref().map(|n| format!(" Nearest: \"{n}\".")).unwrap_or_default()
            ),
            match nearest {
                Some(n) => format!("If \"{n}\" is the {} column, rename it \"{}\"; otherwise add a \"{}\" column to the table.", column(*c), vi_label(*c), vi_label(*c)),
                None => format!("Add a \"{}\" column to the table (one value per row), or use the form made by baocao template.", vi_label(*c)),
            },
        ),
        ColumnByValues { column: c, header, label } => w(
            if header.is_empty() {
                format!("This column has no header; it was taken as the {} column from its values.", column(*c))
            } else {
                format!("Column \"{header}\" was taken as the {} column from its values.", column(*c))
            },
            format!("Name the column \"{label}\" so that the file reads without guessing."),
        ),
        NoTask => w(
            "This row names no task, and no group row above it does.",
            "Write the task's number from plan section IV in the Task column, e.g. 4.",
        ),
        TaskNotInPlan { written, task, tasks } => w(
            format!("Task \"{written}\" is not in the plan (the plan's tasks are {}).", list(tasks)),
            format!("Write the number of a task of plan section IV; there is no task {task}."),
        ),
        TaskNoNumber { written, tasks } => w(
            format!("No task number can be read in \"{written}\"."),
            format!("Write the task's number from plan section IV ({}), e.g. 4 or \"4. Tổ chức tuyên truyền…\".", list(tasks)),
        ),
        TaskNotAssigned { task, unit } => w(
            format!("Task {task} is not assigned to unit {unit} (neither lead nor coordinating)."),
            "Check the task number; if the unit really took part, the row is still compiled.",
        ),
        QuantityNotNumber { value } => w(
            format!("Quantity \"{value}\" is not a number."),
            "Enter a whole number, e.g. 12; put the unit of measure in the Unit of measure column.",
        ),
        QuantityNegative { value } => w(
            format!("Quantity \"{value}\" is negative."),
            "Enter a whole number of zero or more, e.g. 12.",
        ),
        QuantityFractional { value } => w(
            format!("Quantity \"{value}\" is not a whole number ≥ 0."),
            "Enter a whole number, e.g. 12.",
        ),
        QuantityMeasureDiffers { value, in_quantity, in_measure } => w(
            format!("Quantity \"{value}\" names the unit \"{in_quantity}\", but the unit-of-measure column says \"{in_measure}\"."),
            "Write only the number in the quantity column and the right unit in the unit-of-measure column.",
        ),
        StatusEmpty => w("The status is empty.", STATUSES),
        StatusUnknown { value } => w(format!("Status \"{value}\" is not an accepted value."), STATUSES),
        TimeEmpty => w("The time is empty.", FORMS),
        TimeUnreadable { value } => w(format!("The time \"{value}\" cannot be read."), FORMS),
        TimeMonthFirst { value, suggestion } => w(
            format!("The time \"{value}\" puts the month first (US order); there is no such month."),
            format!("Write the day first, then the month: {suggestion}."),
        ),
        TimeNotAQuarter { value } => w(
            format!("The time \"{value}\": a year has quarters I to IV only."),
            "Write a quarter from I to IV, e.g. Quý II/2024.",
        ),
        TimeNoSuchDate { value } => w(
            format!("The time \"{value}\" is not on the calendar (no such day or month)."),
            "Check the day and month, written day/month/year, e.g. 18/05/2024.",
        ),
        TimeReversed { value } => w(
            format!("The range \"{value}\" ends before it starts."),
            "Write the start first, e.g. 15/5/2024 - 20/5/2024.",
        ),
        OutsideYear { value, year } => w(
            format!("The time \"{value}\" is outside the plan year {year}."),
            format!("Check the year; report only what was done in {year}."),
        ),
        OutsideTimeline { value, task, timeline } => w(
            format!("The time \"{value}\" is outside task {task}'s timeline in the plan ({timeline})."),
            "Check this row's time or task number.",
        ),
        DoneWithoutQuantity => w(
            "The status is done but the quantity is empty.",
            "Enter the quantity achieved, e.g. 12.",
        ),
        DoneWithZeroQuantity => w(
            "The status is done but the quantity is 0.",
            "Enter the quantity achieved, or correct the status.",
        ),
        DuplicateRow { first_row, task } => w(
            format!("This row repeats row {first_row}: same task {task}, activity and time."),
            "If it is one activity, delete one row; if they differ, describe each precisely.",
        ),
        FormulaError { column: c, error } => w(
            format!("The cell in column {} holds the formula error {error}.", column(*c)),
            "Fix the formula or type the value into the cell.",
        ),
        NoActivity => w(
            "The activity is empty.",
            "Describe what was done, briefly, e.g. \"Đăng 12 tin về CCHC trên Trang TTĐT của Sở\".",
        ),
        ContentAreasNotInPlan { areas, count } => w(
            format!("Content area {} is not in plan section II.", list(areas)),
            format!("Write section II item numbers, 1 to {count}, separated by commas, e.g. 1, 4."),
        ),
        ContentAreaUnreadable { item, count } => w(
            format!("Content area \"{item}\" cannot be read."),
            format!("Write section II item numbers, 1 to {count}, separated by commas, e.g. 1, 4."),
        ),
        MeasureUnknown { value, measures } => w(
            format!("Unit of measure \"{value}\" is not in the plan's list."),
            format!("Use one of: {}.", list(measures)),
        ),
        QuantityWithMeasure { value, quantity, measure } => w(
            format!("The quantity cell reads \"{value}\": read as quantity {quantity}, unit of measure \"{measure}\"."),
            "Nothing to fix if that is right; next time put the number in the quantity column and the unit in the unit-of-measure column.",
        ),
        StatusJudged { value, reading } => w(
            format!("Status \"{value}\" was read as \"{reading}\"."),
            "If that is wrong, write one of the three statuses: Hoàn thành (done), Đang thực hiện (in progress), Chưa thực hiện (not started).",
        ),
        NoMeasure { quantity } => w(
            format!("The quantity is {quantity} but the unit of measure is empty."),
            "Enter the unit of measure, e.g. tin, bài, lớp, người.",
        ),
        LeadTaskMissing { task, title } => w(
            format!("The unit leads task {task} ({title}) but reports no row for it."),
            format!("Add at least one row for task {task}; if nothing was done yet, give the status Chưa thực hiện."),
        ),
        LateReport { date, deadline } => w(
            format!("The report date {} is after the deadline {}.", dmy(*date), dmy(*deadline)),
            "Send the report on time; if the date is a typo, correct it.",
        ),
        LegacyText { count, encoding } => w(
            format!("{count} cells are typed in the legacy {} encoding; converted to Unicode (the first one is here).", encoding_name(*encoding)),
            "Convert the file to Unicode (e.g. with Unikey's converter) and use the Times New Roman font.",
        ),
        DecomposedText { count } => w(
            format!("{count} cells are in decomposed Unicode; converted to composed Unicode (the first one is here)."),
            "Nothing to fix in this file; set the input method to composed Unicode (Unicode dựng sẵn) next time.",
        ),
        LeadUnitMissing { unit, tasks } => w(
            format!("Unit {} ({}) leads task {} but sent no results file.", unit.code, unit.name, list(tasks)),
            "Ask the unit for its file before compiling; or compile anyway, and the report says which unit did not report (command line: --partial; web page: “Compile anyway”).",
        ),
        UnitMissing { unit } => w(
            format!("Unit {} ({}) sent no results file.", unit.code, unit.name),
            "It leads no task, so the report can be made; still, remind the unit.",
        ),
        UnitClaimedTwice { unit, files } => w(
            format!("Several files claim unit {unit}: {}.", file_names(files)),
            "Keep one file per unit in the folder; the tool does not choose.",
        ),
        StrayFile { path } => w(
            format!("The file {} in the folder is not a spreadsheet and was skipped.", crate::fsutil::file_name(path)),
            "Move it out of the folder, or save it as .xlsx if it is a results file.",
        ),
    }
}

/// A column's name.
/// A column's label in Vietnamese, as the user writes it in the sheet.
fn vi_label(c: Column) -> &'static str {
    super::column_label(c, super::Lang::Vi)
}

pub fn column(c: Column) -> &'static str {
    match c {
        Column::RowNumber => "No.",
        Column::Task => "Task",
        Column::Activity => "Activity",
        Column::Quantity => "Quantity",
        Column::Measure => "Unit of measure",
        Column::Time => "Time",
        Column::Status => "Status",
        Column::ContentAreas => "Content areas",
        Column::Evidence => "Evidence",
    }
}

/// What a file that is not a spreadsheet is (E001).
pub fn file_kind(k: FileKind) -> &'static str {
    match k {
        FileKind::Pdf => "a PDF file",
        FileKind::Rtf => "an RTF document",
        FileKind::Text => "a plain text file",
        FileKind::Html => "a web page (HTML)",
        FileKind::Xml => "an XML file",
        FileKind::Excel2003Xml => "an Excel 2003 XML spreadsheet (unsupported; save it as .xlsx)",
        FileKind::Csv => "a CSV file",
        FileKind::Xlsb => "an Excel binary workbook (.xlsb)",
        FileKind::Docx => "a Word document (.docx)",
        FileKind::Doc => "a Word document (.doc)",
        FileKind::Pptx => "a PowerPoint presentation (.pptx)",
        FileKind::Ppt => "a PowerPoint presentation (.ppt)",
        FileKind::Odt => "an OpenDocument text (.odt)",
        FileKind::Odp => "an OpenDocument presentation (.odp)",
        FileKind::Gzip => {
            "a gzip-compressed file (as Gnumeric saves its workbooks; open it in Gnumeric or LibreOffice and save it as .xlsx)"
        }
    }
}

/// `baocao explain`: one per code, in `Code::ALL` order.
const EXPLANATIONS: [X; Code::COUNT] = [
    X { code: E001, meaning: "The file cannot be read as a spreadsheet: damaged, partly downloaded, or another kind of file (Word, PDF…) named .xlsx. It is skipped; the other files are still checked.", example: "bao-cao.xlsx is really a Word document renamed → E001.", fix: "Open the file in Excel or LibreOffice. If it opens, Save As → Excel Workbook (.xlsx) and send it again; if not, ask the unit to resend it." },
    X { code: E002, meaning: "The file is password-protected (encrypted), so its content cannot be read without the password.", example: "The workbook was saved with \"Encrypt with Password\" → E002.", fix: "Open it, go to File → Info → Protect Workbook → Encrypt with Password, clear the password, save and send again." },
    X { code: E003, meaning: "No sheet has the results table's header row. The header must be within the first 30 rows and have at least three of the six required columns: Nhiệm vụ (task), Nội dung thực hiện (activity), Số lượng (quantity), Đơn vị tính (unit of measure), Thời gian (time), Tình trạng (status). The message lists the columns not found.", example: "A table headed \"Việc đã làm\", \"Con số\", \"Ngày\" → E003 listing all six required columns.", fix: "Name the columns as in the form (case and diacritics do not matter), or copy the figures into the form made by baocao template." },
    X { code: E004, meaning: "The file's unit is unknown: no \"Đơn vị:\" (or \"Tên đơn vị:\", \"Đơn vị báo cáo:\") cell in the title block, a file name that is no unit's name or code, and no --unit.", example: "ket-qua.xlsx whose title block has only the title → E004.", fix: "Write \"Đơn vị: Trung tâm Ứng dụng và Dịch vụ KH&CN\" in the title block, name the file after the unit's code (TTUD.xlsx), or run baocao check --unit TTUD file.xlsx." },
    X { code: E005, meaning: "The unit named in the file (or given with --unit) matches no name, short name, alias or code of the plan's units. A name that merely resembles a unit is never taken as that unit; the message suggests the nearest ones.", example: "B3 reads \"Đơn vị: Phòng Quản lý Khoa hoc và Công nghệ\" → E005, suggesting QLKH, QLCN.", fix: "Write the unit's name as in the plan (see baocao plan). If a unit habitually uses another name, the office can add it to the unit's aliases in the plan file." },
    X { code: E006, meaning: "The file goes over a safety limit (file size, uncompressed size, cells, rows, columns, characters in a cell). Real results files never do; the limits keep a broken or hostile file from hanging the run.", example: "A sheet with data down to row 1,048,576 because a whole column was formatted → E006 (rows).", fix: "Delete extra sheets, rows, columns and pictures; select the empty rows below the table and delete them (Delete rows), then save." },
    X { code: W007, meaning: "The header row was found but there are no data rows below it (blank, total and group rows do not count).", example: "The blank form sent back unfilled → W007.", fix: "Enter each activity on its own row. If the unit leads a task, a missing row for it is also error E201." },
    X { code: E008, meaning: "The header row was found (it has at least three required columns), but another required column is missing from it, and no column's values show it to be that column. The message lists the columns in the header row and the nearest label. Data rows get no \"empty\" finding for the missing column.", example: "Header \"TT | Nội dung hoạt động | Nhiệm vụ số | Số lượng | ĐVT | Thời gian | Tình hình\" whose last column holds free sentences → E008: no status (Tình trạng) column; nearest \"Tình hình\".", fix: "Add the missing column, or rename the column that holds those values as in the form (e.g. \"Tình trạng\"). Case and diacritics do not matter." },
    X { code: W009, meaning: "A required column (status, unit of measure or time) has no accepted label, but most of its values are of that column's kind, so it was taken by its values. The file is read; the warning suggests the label to give it.", example: "Column G headed \"Kết quả\" holds \"Hoàn thành\", \"Đang thực hiện\" → W009 at G5: taken as the status column; name it \"Tình trạng\".", fix: "Rename the column as suggested; nothing else to fix." },
    X { code: E101, meaning: "The row has content but an empty Task cell, and no group row above it (e.g. \"4. Tổ chức tuyên truyền…\") tells which task it belongs to.", example: "Row 8: Task empty, activity \"Đăng 5 tin\" → E101 at row 8's Task cell.", fix: "Write the task number (plan section IV), e.g. 1; or add a group row naming the task above its rows." },
    X { code: E102, meaning: "The Task cell names a task that is not in plan section IV, or has no leading task number. Accepted: 4, 4.0, IV.4, NV4, Nhiệm vụ 4, or a title with a leading number \"4. Tổ chức…\".", example: "A9 reads 17 while the plan has no task 17 → E102.", fix: "Write the task's number as in plan section IV (see baocao plan)." },
    X { code: W103, meaning: "The task exists but is not assigned to this unit, neither as lead nor as coordinator. The row is still compiled; the number may be a typo.", example: "Phòng Quản lý Khoa học reports task 5 (QLTC's alone) → W103.", fix: "Check the task number; if the unit really took part, nothing to fix." },
    X { code: E104, meaning: "The quantity must be a whole number ≥ 0, or empty for an activity with no count. In text, a dot or a space separates thousands (1.234 = 1234) and a comma is the decimal mark; a fractional value is an error, never rounded.", example: "F12 reads \"12,5\" → E104: quantity \"12,5\" is not a whole number ≥ 0.", fix: "Enter a whole number, e.g. 12; put the unit of measure (tin, bài…) in its own column, not in the quantity cell." },
    X { code: E105, meaning: "The status is empty or not an accepted value: Hoàn thành (Đã hoàn thành, HT, Hoàn thành 100%, Đã thực hiện) = done, Đang thực hiện (Đang triển khai; Đã triển khai and Thực hiện thường xuyên are read so too, with W116) = in progress, Chưa thực hiện (Chưa triển khai) = not started. Case and diacritics do not matter.", example: "H10 reads \"Xong\" → E105.", fix: "Choose one of the three; the form made by baocao template has a drop-down list." },
    X { code: E106, meaning: "The time is empty or unreadable. Dates are always day first: 05/18/2024 is an error (there is no month 18), never read in US order.", example: "G7 reads \"05/18/2024\" → E106, suggesting 18/05/2024.", fix: "Write a day (18/05/2024), a month (05/2024 or tháng 5/2024), a quarter (Quý II/2024), a range (15/5/2024 - 20/5/2024), or \"Thường xuyên\", \"Cả năm\" (all year)." },
    X { code: W107, meaning: "The time reads well but lies (partly) outside the plan's year.", example: "G5 reads 20/12/2023 in the 2024 report → W107.", fix: "Correct the year if it is a typo; another year's activities do not belong in this report." },
    X { code: W108, meaning: "The time is within the year but not wholly within the task's timeline in the plan. \"Thường xuyên\" (all year) is flagged too for a task planned in one quarter.", example: "Task 4 (Quý II/2024) dated 15/08/2024 → W108.", fix: "Check the time or the task number; if the activity really happened then, nothing to fix." },
    X { code: W109, meaning: "The status is done but the quantity is empty or 0, so the report has no figure for the activity.", example: "Row 11: status \"Hoàn thành\", quantity empty → W109 at the quantity cell.", fix: "Enter the quantity achieved, or correct the status." },
    X { code: W110, meaning: "The row repeats an earlier one: same task, same activity (ignoring case and spacing) and same time. Both are counted, so figures may be counted twice.", example: "Rows 9 and 14 both read task 1, \"Đăng tin CCHC\", tháng 5/2024 → W110 at row 14.", fix: "Delete the repeated row, or describe each activity precisely if they differ." },
    X { code: E111, meaning: "A cell of the table holds an Excel formula error (#REF!, #VALUE!, #DIV/0!, #N/A…), so it has no value to compile.", example: "F8 holds =F7+Sheet2!A1 after Sheet2 was deleted → E111: #REF!.", fix: "Fix the formula, or replace it by its value (copy, Paste Special → Values)." },
    X { code: E112, meaning: "The row has no activity, so the report cannot say what was done.", example: "Row 10 has a task and a quantity but an empty activity cell → E112.", fix: "Describe the activity briefly, e.g. \"Đăng 12 tin về CCHC trên Trang TTĐT của Sở\"." },
    X { code: W113, meaning: "The optional content-areas column holds a number that is not an item of plan section II, or cannot be read.", example: "I6 reads \"1, 12\" while section II has 9 items → W113 (12).", fix: "Write section II item numbers separated by commas, e.g. 1, 4, 7." },
    X { code: W114, meaning: "The unit of measure is not in the plan's list; the row is compiled but cannot be summed with others.", example: "E9 reads \"cái\" → W114.", fix: "Use one of the plan's units (tin, bài, lớp, người…); the office can add units to the plan file." },
    X { code: E115, meaning: "The quantity is above 0 but there is no unit of measure, so 12 could be 12 articles, 12 classes or 12 people.", example: "Row 7: quantity 12, unit of measure empty → E115 at the unit-of-measure cell.", fix: "Enter the unit of measure, e.g. tin, bài, lớp, người." },
    X { code: W116, meaning: "A value was read by interpretation, and the message says how: a number with its unit in one cell (\"02 lớp\", \"9 tin/bài\") is read as the quantity and the unit of measure when the unit-of-measure cell is empty or says the same; a status word whose reading is a judgement (\"Đã triển khai\", \"Thực hiện thường xuyên\") is read as \"Đang thực hiện\" (in progress). The row is compiled.", example: "F9 reads \"145 học viên\", unit of measure empty → W116: read as quantity 145, unit of measure \"học viên\".", fix: "Nothing to fix if the reading is right. Next time put the number and the unit in their own columns, and pick the status from the form's list." },
    X { code: E201, meaning: "The unit leads a task but its file has no row for that task. Results of led tasks are a required part of the report.", example: "The CCTC file has no row for task 6 → E201.", fix: "Add at least one row for the task; if it is not done yet, give the status Chưa thực hiện or Đang thực hiện." },
    X { code: W202, meaning: "The report date in the title block (\"Ngày báo cáo:\") is later than the plan's deadline for units. Without a readable report date no check is made.", example: "\"Ngày báo cáo: 20/11/2024\" with a deadline of 15/11/2024 → W202.", fix: "Send the report on time; if the date is a typo, correct it." },
    X { code: W203, meaning: "Text typed in a legacy encoding (TCVN3 with .VnTime fonts, VNI-Windows) or in decomposed Unicode was found and converted to composed Unicode. Reported once per file, with the count and the first cell.", example: "A1 shows \"Trung t©m øng dông\" (TCVN3) → W203.", fix: "In Unikey, use the converter from TCVN3 (or VNI) to Unicode on the table, then set the font to Times New Roman." },
    X { code: E301, meaning: "A unit that leads a task sent no file in the folder, so the report would lack that task's results.", example: "No file from CCTC, which leads task 6 → E301.", fix: "Ask the unit for its file; or compile with --partial, and the report says which unit did not report." },
    X { code: W302, meaning: "A unit that leads no task sent no file. The report can still be made.", example: "No file from TTRA → W302.", fix: "Remind the unit if it has coordinating work to record." },
    X { code: E303, meaning: "Two or more files claim the same unit; neither is chosen, to avoid counting twice or leaving something out.", example: "The folder holds TTUD.xlsx and TTUD-sua.xlsx → E303.", fix: "Keep only the unit's right file in the folder." },
    X { code: W304, meaning: "A file in the input folder is not a spreadsheet and was skipped. Office lock files (~$…) and hidden files are skipped silently.", example: "The folder holds ghi-chu.docx → W304.", fix: "Move it out of the folder; if it is a results file, save it as .xlsx." },
];
const _: () = assert!(
    in_code_order(&EXPLANATIONS),
    "one explanation per code, in Code::ALL order"
);

pub static TEXTS: Texts = Texts {
    explanations: &EXPLANATIONS,
    ui: &[
        ("error", "error"),
        ("warning", "warning"),
        ("explain.example", "Example"),
        ("explain.fix", "How to fix"),
        ("explain.unknown", "there is no code \"{code}\". Valid codes: {codes}"),
        ("summary", "{files} file(s), {rows} data row(s): {errors} error(s), {warnings} warning(s)."),
        ("file.unit", "unit {unit}"),
        ("file.unit_unknown", "unit unknown"),
        ("file.sheet", "sheet \"{sheet}\""),
        ("file.rows", "{rows} data row(s)"),
        ("file.ok", "no problems"),
        ("file.whole", "file"),
        ("file.ignored", "sheets not read: {sheets}"),
        ("file.detail", "detail: {detail}"),
        ("batch", "Whole folder"),
        ("check.missing", "file not found: {path}"),
        ("template.unknown_unit", "the plan has no unit with code \"{code}\". Valid codes: {codes}."),
        ("template.exists", "file already exists, not overwritten:\n{files}\nAdd --force to overwrite."),
        ("template.cannot_write", "cannot write {path}"),
        ("template.written", "Wrote {path}: {tasks} tasks ({lead} lead, {coordinating} coordinating)."),
        ("page.written", "Wrote {path} ({size}): the {year} spreadsheet check page; it opens in a browser, offline. Send this file to the units."),
        ("page.cannot_write", "cannot write {path}"),
        ("load.plan", "plan file {path}"),
        ("load.texts", "report texts file {path}"),
        ("load.vocabulary", "vocabulary file {path}"),
        ("fs.create_folder", "cannot create folder {path}: {cause}"),
        ("fs.write", "cannot write {path}: {cause}"),
        ("fs.not_a_file_path", "{path} is not a file path"),
        ("fs.output_is_input", "{path} is one of the input files"),
        ("fs.output_in_input", "{path} is inside the input folder {dir}; write the report to another folder"),
        ("fs.output_is_folder", "{path} is a folder"),
        ("compile.input", "cannot read the folder {dir}"),
        ("compile.roster", "By unit:"),
        ("compile.roster_missing", "NOTHING SENT ({code})"),
        ("compile.roster_ok", "{file} — {rows} row(s), no errors"),
        ("compile.roster_warnings", "{file} — {rows} row(s), {warnings} warning(s) ({codes})"),
        ("compile.roster_errors", "{file} — {rows} row(s), {errors} error(s), {warnings} warning(s) ({codes}); rows in error are left out"),
        ("compile.roster_excluded", "{file} — LEFT OUT OF THE REPORT ({codes})"),
        ("compile.written", "Report written to {path} ({rows} result rows)."),
        ("compile.workbook", "Workbook written to {path} (for the Director: each row's source, totals per task, the units' difficulties and proposals, who sent what and when)."),
        ("compile.plan_reference_missing", "Note: the plan file lacks the Department's own plan number or date of issue (fields \"number\", \"issued\"); the report's opening keeps \"…\" for the office to fill in."),
        ("compile.partial", "Report written to {path} with --partial ({rows} result rows): files and rows in error were left out, and the report says so under shortcomings."),
        ("compile.blocked", "No report written: {errors} error(s) remain. Ask the units to fix and resend, or use --partial to write the report without the files and rows in error."),
        ("plan.heading", "{title} — {agency}"),
        ("plan.compiling", "Compiled by: {unit}"),
        ("plan.units_report", "Units send their results by: {date}"),
        ("plan.department_report", "The department reports to the province by: {date}"),
        ("plan.tasks", "Tasks (section IV)"),
        ("plan.lead", "Lead"),
        ("plan.coordinating", "Coordinating"),
        ("plan.timeline", "Timeline"),
        ("plan.all_units", "all units"),
        ("plan.none", "none"),
        ("plan.content_areas", "Content areas (section II)"),
        ("plan.measures", "Units of measure"),
        ("plan.units", "What each unit must report"),
        ("plan.must_lead", "Leads (a missing row is error E201)"),
        ("plan.may_coordinate", "Coordinates"),
        ("plan.nothing", "no task assigned"),
    ],
};
