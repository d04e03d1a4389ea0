//! Helpers shared by the command-line tests: running the real binary and writing
//! unit spreadsheets with rust_xlsxwriter.

// Each test crate uses its own subset of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rust_xlsxwriter::Workbook;

/// The crate root (where `input/`, `templates/` and `output/` live).
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the built `baocao` at the crate root, without colour.
pub fn baocao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baocao"))
        .current_dir(root())
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("run baocao")
}

/// A data row: task, activity, quantity, unit of measure, time, status, content
/// areas, evidence (columns B–I; A is STT). Whole numbers are written as numbers.
pub type Row<'a> = [&'a str; 8];

pub const HEADER: [&str; 9] = [
    "STT",
    "Nhiệm vụ",
    "Nội dung thực hiện",
    "Số lượng",
    "Đơn vị tính",
    "Thời gian",
    "Tình trạng",
    "Nội dung tuyên truyền",
    "Minh chứng",
];

/// Writes a unit file: title in A1, `unit` in A3 (`Đơn vị: …`), `extra` title
/// cells in A4.., the header in row 6 and the rows from row 7.
pub fn xlsx(dir: &Path, name: &str, unit: Option<&str>, extra: &[&str], rows: &[Row]) -> PathBuf {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Kết quả").unwrap();
    ws.write_string(
        0,
        0,
        "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CCHC NĂM 2024",
    )
    .unwrap();
    if let Some(u) = unit {
        ws.write_string(2, 0, format!("Đơn vị: {u}")).unwrap();
    }
    for (i, e) in extra.iter().enumerate() {
        ws.write_string(3 + i as u32, 0, *e).unwrap();
    }
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string(5, c as u16, *h).unwrap();
    }
    for (i, r) in rows.iter().enumerate() {
        let row = 6 + i as u32;
        ws.write_number(row, 0, (i + 1) as f64).unwrap();
        for (j, v) in r.iter().enumerate() {
            let col = 1 + j as u16;
            if v.is_empty() {
                continue;
            }
            match v.parse::<i64>() {
                Ok(n) if j == 2 || j == 0 => ws.write_number(row, col, n as f64).unwrap(),
                _ => ws.write_string(row, col, *v).unwrap(),
            };
        }
    }
    let path = dir.join(name);
    wb.save(&path).unwrap();
    path
}

/// TTUD's four lead tasks, one clean row each.
pub fn ttud_rows() -> Vec<Row<'static>> {
    vec![
        [
            "1",
            "Cập nhật mục CCHC",
            "12",
            "tin",
            "Thường xuyên",
            "Hoàn thành",
            "1, 2",
            "",
        ],
        [
            "2",
            "Đăng tải TTHC",
            "30",
            "thủ tục",
            "Cả năm",
            "Hoàn thành",
            "2",
            "",
        ],
        [
            "3",
            "Xuất bản bản tin",
            "4",
            "bản tin",
            "Quý II/2024",
            "Hoàn thành",
            "",
            "",
        ],
        [
            "4",
            "Tuyên truyền ngày 18/5",
            "5",
            "tin/bài",
            "18/05/2024",
            "Hoàn thành",
            "",
            "",
        ],
    ]
}
