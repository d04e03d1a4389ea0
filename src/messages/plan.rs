//! What is wrong in a plan file, in each language (`Plan` loading; the JSON path is
//! added by `PlanError::describe`).

use super::Lang;
use crate::plan::Problem;

/// The problem in the user's language. serde's own description of a JSON shape
/// error stays as serde words it.
pub fn plan_problem(p: &Problem, lang: Lang) -> String {
    match lang {
        Lang::Vi => vi(p),
        Lang::En => en(p),
    }
}

fn vi(p: &Problem) -> String {
    match p {
        Problem::Unreadable(u) => super::unreadable(Lang::Vi, u),
        Problem::Json(e) => format!("không đúng cấu trúc của tệp kế hoạch: {e}"),
        Problem::ImplausibleYear(y) => format!("{y} không phải là một năm hợp lý"),
        Problem::NotADate(s) => format!("\"{s}\" không phải là một ngày (YYYY-MM-DD)"),
        Problem::NotAPlanNumber(s) => {
            format!("\"{s}\" không phải là số, ký hiệu văn bản (ví dụ 25/KH-SKHCN)")
        }
        Problem::ImplausibleIssueDate(s) => format!(
            "ngày ban hành \"{s}\" không thuộc năm của kế hoạch (hoặc năm trước) hoặc sau hạn báo cáo của Sở"
        ),
        Problem::NoUnits => "kế hoạch không có đơn vị nào".into(),
        Problem::NotAUnitCode(s) => {
            format!("\"{s}\" không phải là mã đơn vị (chỉ gồm chữ cái và chữ số)")
        }
        Problem::UnitWithoutName => "đơn vị chưa có tên".into(),
        Problem::NameTaken { name, unit } => {
            format!("\"{name}\" đã là tên của đơn vị {unit}")
        }
        Problem::UnknownUnit(s) => format!("\"{s}\" không phải là mã đơn vị của kế hoạch"),
        Problem::TaskNumberTaken(n) => {
            format!("số {n} bằng 0 hoặc đã dùng cho nhiệm vụ khác")
        }
        Problem::TaskWithoutTitle => "nhiệm vụ chưa có tên".into(),
        Problem::NoLeadUnit => "nhiệm vụ chưa có đơn vị chủ trì".into(),
        Problem::NotAllNorList(s) => {
            format!("\"{s}\" không phải \"all\" cũng không phải danh sách mã đơn vị")
        }
        Problem::NotAQuarter(s) => format!("\"{s}\" không phải là một quý"),
        Problem::EmptyTimeline(s) => format!("\"{s}\" để trống"),
        Problem::NotAPeriod(s) => format!(
            "\"{s}\" không phải là một khoảng thời gian (ví dụ \"Quý II/2024\", \"Thường xuyên trong năm\")"
        ),
        Problem::NoTasks => "kế hoạch không có nhiệm vụ nào".into(),
        Problem::AreaNumberTaken(n) => format!("số {n} bằng 0 hoặc dùng hai lần"),
        Problem::EmptyMeasure => "đơn vị tính để trống".into(),
    }
}

fn en(p: &Problem) -> String {
    match p {
        Problem::Unreadable(u) => super::unreadable(Lang::En, u),
        Problem::Json(e) => e.clone(),
        Problem::ImplausibleYear(y) => format!("{y} is not a plausible year"),
        Problem::NotADate(s) => format!("\"{s}\" is not a date (YYYY-MM-DD)"),
        Problem::NotAPlanNumber(s) => {
            format!("\"{s}\" is not a document number and symbol (e.g. 25/KH-SKHCN)")
        }
        Problem::ImplausibleIssueDate(s) => format!(
            "date of issue \"{s}\" is not in the plan's year (or the year before), or is after the Department's report deadline"
        ),
        Problem::NoUnits => "the plan lists no units".into(),
        Problem::NotAUnitCode(s) => {
            format!("\"{s}\" is not a unit code (letters and digits only)")
        }
        Problem::UnitWithoutName => "the unit has no name".into(),
        Problem::NameTaken { name, unit } => format!("\"{name}\" already names unit {unit}"),
        Problem::UnknownUnit(s) => format!("\"{s}\" is not a unit code of the plan"),
        Problem::TaskNumberTaken(n) => format!("{n} is zero or used by another task"),
        Problem::TaskWithoutTitle => "the task has no title".into(),
        Problem::NoLeadUnit => "the task has no lead unit".into(),
        Problem::NotAllNorList(s) => {
            format!("\"{s}\" is neither \"all\" nor a list of unit codes")
        }
        Problem::NotAQuarter(s) => format!("\"{s}\" is not a quarter"),
        Problem::EmptyTimeline(s) => format!("\"{s}\" is empty"),
        Problem::NotAPeriod(s) => {
            format!("\"{s}\" is not a period (e.g. \"Quý II/2024\", \"Thường xuyên trong năm\")")
        }
        Problem::NoTasks => "the plan lists no tasks".into(),
        Problem::AreaNumberTaken(n) => format!("{n} is zero or used twice"),
        Problem::EmptyMeasure => "empty unit of measure".into(),
    }
}
