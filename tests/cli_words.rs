//! `baocao check` on unit files written the way units write them (issue 14): their
//! own header labels, status words, numbers with units and period phrases, as
//! real .xlsx files run through the binary.

mod common;

use std::path::{Path, PathBuf};

use common::{baocao, code_cells, stdout};
use rust_xlsxwriter::Workbook;
use serde_json::Value;

/// Writes `TTUD.xlsx`: `Đơn vị:` in A1, then `rows` from row 3 (the header),
/// every cell as text except whole numbers in `number_cols`.
fn unit_file(dir: &Path, rows: &[&[&str]]) -> PathBuf {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Đơn vị: TTUD").unwrap();
    for (i, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(2 + i as u32, c as u16, *v).unwrap();
            }
        }
    }
    let path = dir.join("TTUD.xlsx");
    wb.save(&path).unwrap();
    path
}

fn check(path: &Path, lang: &str) -> (i32, Value) {
    let (code, v) = common::check_json(&[path], &["--lang", lang]);
    (code.unwrap(), v)
}

fn findings(v: &Value) -> Vec<(String, String)> {
    code_cells(&v["files"][0])
}

fn messages(v: &Value, code: &str) -> Vec<String> {
    v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .map(|f| {
            format!(
                "{} | {}",
                f["message"].as_str().unwrap(),
                f["hint"].as_str().unwrap()
            )
        })
        .collect()
}

/// The issue's header: `Kết quả thực hiện` holds the status.
const ISSUE_HEADER: &[&str] = &[
    "TT",
    "Nội dung hoạt động",
    "Nhiệm vụ số",
    "Số lượng",
    "ĐVT",
    "Thời gian",
    "Kết quả thực hiện",
    "Ghi chú",
];

#[test]
fn the_units_own_words_are_read_without_a_false_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = unit_file(
        dir.path(),
        &[
            ISSUE_HEADER,
            &[
                "1",
                "Cập nhật tin CCHC",
                "1",
                "12",
                "tin",
                "6 tháng đầu năm 2024",
                "Hoàn thành",
                "",
            ],
            &[
                "2",
                "Mở lớp tập huấn",
                "1",
                "02 lớp",
                "",
                "9 tháng năm 2024",
                "Hoàn thành 100%",
                "",
            ],
            &[
                "3",
                "Tập huấn TTHC",
                "2",
                "145 học viên",
                "",
                "Tháng 3, 6, 9/2024",
                "Đã thực hiện",
                "",
            ],
            &[
                "4",
                "Đăng tin, bài",
                "3",
                "9 tin/bài",
                "tin bài",
                "Từ tháng 1 đến tháng 10/2024",
                "Thực hiện thường xuyên",
                "",
            ],
            &[
                "5",
                "Hội nghị đối thoại",
                "4",
                "1",
                "hội nghị",
                "Ngày 18/5/2024",
                "Đã triển khai",
                "",
            ],
        ],
    );
    let (code, v) = check(&p, "vi");
    let f = findings(&v);
    assert_eq!(code, 0, "{f:?}");
    assert_eq!(v["files"][0]["unit"], "TTUD");
    assert_eq!(v["summary"]["rows_included"], 5, "{f:?}");
    for (c, _) in &f {
        assert!(c.starts_with('W'), "no error expected: {f:?}");
        assert_ne!(c, "W009", "the labels are accepted: {f:?}");
    }
    // The two numbers with their unit (D5, D6, D7) and the two judged statuses (G7, G8).
    for cell in ["D5", "D6", "D7", "G7", "G8"] {
        assert!(
            f.contains(&("W116".into(), cell.into())),
            "W116 {cell}: {f:?}"
        );
    }
    let w116 = messages(&v, "W116");
    assert!(
        w116.iter().any(|m| m
            .starts_with("Ô số lượng ghi \"02 lớp\": đã đọc là số lượng 2, đơn vị tính \"lớp\".")),
        "{w116:?}"
    );
    assert!(
        w116.iter().any(|m| m.starts_with(
            "Tình trạng \"Đã triển khai\" được hiểu là \"Đang thực hiện\"."
        )),
        "{w116:?}"
    );
}

#[test]
fn a_header_without_a_status_column_is_one_e008_naming_the_labels() {
    let dir = tempfile::tempdir().unwrap();
    let p = unit_file(
        dir.path(),
        &[
            &[
                "TT",
                "Nhiệm vụ",
                "Nội dung thực hiện",
                "Số lượng",
                "ĐVT",
                "Thời gian",
                "Tình hình",
            ],
            &[
                "1",
                "1",
                "Cập nhật tin",
                "12",
                "tin",
                "Quý II/2024",
                "tốt, đúng hạn",
            ],
            &[
                "2",
                "2",
                "Đăng tải TTHC",
                "30",
                "thủ tục",
                "Cả năm",
                "đã đăng đủ",
            ],
        ],
    );
    let (code, v) = check(&p, "vi");
    let f = findings(&v);
    assert_eq!(code, 1);
    assert!(f.contains(&("E008".into(), "A3".into())), "{f:?}");
    assert!(
        !f.iter().any(|(c, _)| c == "E105"),
        "no row-level status finding: {f:?}"
    );
    let e008 = messages(&v, "E008");
    assert_eq!(e008.len(), 1, "{e008:?}");
    assert!(e008[0].starts_with("Dòng tiêu đề thiếu cột Tình trạng. Các cột có trong dòng tiêu đề: \"TT\", \"Nhiệm vụ\""), "{e008:?}");
    assert!(e008[0].contains("Cột gần nhất: \"Tình hình\"."), "{e008:?}");
    let (_, v) = check(&p, "en");
    let e008 = messages(&v, "E008");
    assert!(
        e008[0].starts_with("The header row has no Status column."),
        "{e008:?}"
    );
}

#[test]
fn a_status_column_under_another_label_is_known_by_its_values() {
    let dir = tempfile::tempdir().unwrap();
    let p = unit_file(
        dir.path(),
        &[
            &[
                "TT",
                "Nhiệm vụ",
                "Nội dung thực hiện",
                "Số lượng",
                "ĐVT",
                "Thời gian",
                "Kết quả",
            ],
            &[
                "1",
                "1",
                "Cập nhật tin",
                "12",
                "tin",
                "Cả năm",
                "Hoàn thành",
            ],
            &[
                "2",
                "2",
                "Đăng tải TTHC",
                "30",
                "thủ tục",
                "Cả năm",
                "Đang thực hiện",
            ],
            &["3", "3", "Bản tin", "4", "bản tin", "Cả năm", "Hoàn thành"],
            &[
                "4",
                "4",
                "Hội nghị",
                "1",
                "hội nghị",
                "Quý II/2024",
                "Hoàn thành",
            ],
        ],
    );
    let (code, v) = check(&p, "vi");
    let f = findings(&v);
    assert_eq!(code, 0, "{f:?}");
    assert_eq!(f, [("W009".to_string(), "G3".to_string())]);
    assert_eq!(
        messages(&v, "W009"),
        ["Cột \"Kết quả\" được nhận là cột Tình trạng theo các giá trị trong cột. | Hãy đặt tên cột là \"Tình trạng\" để biểu được đọc chắc chắn."]
    );
}

#[test]
fn a_number_with_a_unit_that_the_unit_cell_contradicts_is_e104() {
    let dir = tempfile::tempdir().unwrap();
    let p = unit_file(
        dir.path(),
        &[
            ISSUE_HEADER,
            &[
                "1",
                "Tập huấn",
                "1",
                "02 lớp",
                "người",
                "Cả năm",
                "Hoàn thành",
                "",
            ],
            &[
                "2",
                "Tập huấn",
                "2",
                "02 lớp",
                "Lớp",
                "Cả năm",
                "Hoàn thành",
                "",
            ],
        ],
    );
    let (code, v) = check(&p, "vi");
    let f = findings(&v);
    assert_eq!(code, 1);
    assert!(f.contains(&("E104".into(), "D4".into())), "{f:?}");
    assert!(
        f.contains(&("W116".into(), "D5".into())),
        "same unit: {f:?}"
    );
    assert!(!f.iter().any(|(c, _)| c == "E115"), "{f:?}");
}

#[test]
fn explain_the_new_codes_in_both_languages() {
    for code in ["E008", "W009", "W116"] {
        let vi = stdout(&baocao(&["explain", code]));
        let en = stdout(&baocao(&["explain", code, "--lang", "en"]));
        assert!(vi.starts_with(code) && en.starts_with(code), "{vi}\n{en}");
        assert_ne!(vi, en);
    }
    assert!(stdout(&baocao(&["explain", "W116"])).contains("145 học viên"));
}
