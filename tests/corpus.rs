//! A corpus of unit files written in many hands (issue 14): each varies the form
//! the way units do — their own labels, column order, a two-row header with a
//! merged parent, the table on a later sheet, numbers and dates as text or as
//! date cells, period phrases, status words, numbers with their unit, remarks and
//! a signature below. What a person reading each file concludes: it is TTUD's,
//! it has its data rows, and nothing in it is an error. The test asserts the
//! checker agrees, and prints the share of files read with no false error.
//! (.xls/.ods saves are covered by `cli_check_formats`; rust_xlsxwriter writes
//! .xlsx only.)

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

/// Column order of a label set: task, activity, quantity, measure, time,
/// status, then a row number and evidence.
struct Labels {
    number: &'static str,
    task: &'static str,
    activity: &'static str,
    quantity: &'static str,
    measure: &'static str,
    time: &'static str,
    status: &'static str,
    evidence: &'static str,
}

const LABEL_SETS: [Labels; 6] = [
    Labels {
        number: "STT",
        task: "Nhiệm vụ",
        activity: "Nội dung thực hiện",
        quantity: "Số lượng",
        measure: "Đơn vị tính",
        time: "Thời gian",
        status: "Tình trạng",
        evidence: "Minh chứng",
    },
    Labels {
        number: "TT",
        task: "Nhiệm vụ số",
        activity: "Nội dung hoạt động",
        quantity: "Số lượng",
        measure: "ĐVT",
        time: "Thời gian",
        status: "Kết quả thực hiện",
        evidence: "Ghi chú",
    },
    Labels {
        number: "Số TT",
        task: "Mã nhiệm vụ",
        activity: "Nội dung công việc",
        quantity: "Khối lượng",
        measure: "Đ.V.T",
        time: "Thời gian thực hiện",
        status: "Tiến độ",
        evidence: "Đường dẫn",
    },
    Labels {
        number: "STT",
        task: "Hình thức tuyên truyền",
        activity: "Hoạt động",
        quantity: "SL",
        measure: "ĐV tính",
        time: "Ngày thực hiện",
        status: "Trạng thái",
        evidence: "Minh chứng",
    },
    Labels {
        number: "STT",
        task: "NHIEM VU",
        activity: "NOI DUNG THUC HIEN",
        quantity: "SO LUONG",
        measure: "DON VI\nTINH",
        time: "THOI GIAN",
        status: "TINH TRANG",
        evidence: "GHI CHU",
    },
    Labels {
        number: "TT",
        task: "Nhiệm vụ",
        activity: "Nội dung thực hiện",
        quantity: "Số lượng (*)",
        measure: "Đơn vị tính:",
        time: "Thời gian",
        status: "Kết quả",
        evidence: "Ghi chú",
    },
];

/// How the table is laid out and filled.
#[derive(Clone, Copy, Debug)]
enum Shape {
    Plain,
    Reversed,
    LaterSheet,
    TwoRowHeader,
    UnitsWords,
}

const SHAPES: [Shape; 5] = [
    Shape::Plain,
    Shape::Reversed,
    Shape::LaterSheet,
    Shape::TwoRowHeader,
    Shape::UnitsWords,
];

/// A cell: text, a whole number, or a date cell.
#[derive(Clone, Copy)]
enum V {
    T(&'static str),
    N(f64),
    D(i32, u32, u32),
}

/// TTUD's four lead tasks: (task, activity, quantity, measure, time, status).
fn rows(shape: Shape) -> Vec<[V; 6]> {
    use V::*;
    match shape {
        Shape::UnitsWords => vec![
            [
                T("1"),
                T("Cập nhật tin CCHC"),
                T("02 lớp"),
                T(""),
                T("6 tháng đầu năm 2024"),
                T("Hoàn thành 100%"),
            ],
            [
                T("NV2"),
                T("Đăng tải TTHC"),
                T("1.234"),
                T("thủ tục"),
                T("Từ tháng 1 đến tháng 10/2024"),
                T("Đã thực hiện"),
            ],
            [
                T("3"),
                T("Xuất bản bản tin"),
                T("9 tin/bài"),
                T("tin bài"),
                T("Tháng 3, 6, 9/2024"),
                T("Thực hiện thường xuyên"),
            ],
            [
                N(4.0),
                T("Hội nghị đối thoại"),
                N(1.0),
                T("hội nghị"),
                T("Ngày 18/5/2024"),
                T("Đã triển khai"),
            ],
        ],
        _ => vec![
            [
                N(1.0),
                T("Cập nhật tin CCHC"),
                N(12.0),
                T("tin"),
                T("Thường xuyên"),
                T("Hoàn thành"),
            ],
            [
                T("2"),
                T("Đăng tải TTHC"),
                T("30"),
                T("thủ tục"),
                T("Cả năm"),
                T("HT"),
            ],
            [
                T("IV.3"),
                T("Xuất bản bản tin"),
                N(4.0),
                T("bản tin"),
                T("9 tháng năm 2024"),
                T("Đang thực hiện"),
            ],
            [
                T("Nhiệm vụ 4"),
                T("Hội nghị đối thoại"),
                N(1.0),
                T("hội nghị"),
                D(2024, 5, 18),
                T("hoan thanh"),
            ],
        ],
    }
}

fn write(ws: &mut Worksheet, r: u32, c: u16, v: V, date: &Format) {
    match v {
        V::T("") => {}
        V::T(s) => {
            ws.write_string(r, c, s).unwrap();
        }
        V::N(n) => {
            ws.write_number(r, c, n).unwrap();
        }
        V::D(y, m, d) => {
            let dt = ExcelDateTime::parse_from_str(
                &NaiveDate::from_ymd_opt(y, m, d)
                    .unwrap()
                    .format("%Y-%m-%d")
                    .to_string(),
            )
            .unwrap();
            ws.write_datetime_with_format(r, c, &dt, date).unwrap();
        }
    }
}

fn unit_file(dir: &Path, i: usize, labels: &Labels, shape: Shape) -> PathBuf {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    if let Shape::LaterSheet = shape {
        let guide = wb.add_worksheet();
        guide.set_name("Hướng dẫn").unwrap();
        guide
            .write_string(0, 0, "Ghi mỗi hoạt động một dòng.")
            .unwrap();
    }
    let ws = wb.add_worksheet();
    ws.set_name("Kết quả").unwrap();
    ws.write_string(0, 0, "SỞ KHOA HỌC VÀ CÔNG NGHỆ").unwrap();
    ws.write_string(
        1,
        0,
        "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CCHC NĂM 2024",
    )
    .unwrap();
    ws.write_string(2, 0, "Đơn vị:").unwrap();
    ws.write_string(2, 1, "Trung tâm Ứng dụng và Dịch vụ khoa học và Công nghệ")
        .unwrap();
    // Sheet columns of: number, task, activity, quantity, measure, time, status, evidence.
    let mut cols: [u16; 8] = [0, 1, 2, 3, 4, 5, 6, 7];
    if let Shape::Reversed = shape {
        cols = [0, 7, 6, 5, 4, 3, 2, 1];
    }
    let names = [
        labels.number,
        labels.task,
        labels.activity,
        labels.quantity,
        labels.measure,
        labels.time,
        labels.status,
        labels.evidence,
    ];
    let header = 4;
    let mut first_data = header + 1;
    if let Shape::TwoRowHeader = shape {
        let merged = Format::new();
        for k in [0, 1, 2, 5, 6, 7] {
            ws.merge_range(header, cols[k], header + 1, cols[k], names[k], &merged)
                .unwrap();
        }
        ws.merge_range(header, cols[3], header, cols[4], "Kết quả", &merged)
            .unwrap();
        ws.write_string(header + 1, cols[3], names[3]).unwrap();
        ws.write_string(header + 1, cols[4], names[4]).unwrap();
        first_data = header + 2;
    } else {
        for (k, name) in names.iter().enumerate() {
            ws.write_string(header, cols[k], *name).unwrap();
        }
    }
    let data = rows(shape);
    for (n, row) in data.iter().enumerate() {
        let r = first_data + n as u32;
        ws.write_number(r, cols[0], (n + 1) as f64).unwrap();
        for (k, v) in row.iter().enumerate() {
            write(ws, r, cols[k + 1], *v, &date);
        }
    }
    let after = first_data + data.len() as u32 + 1;
    match i % 3 {
        0 => {
            ws.write_string(after, 0, "Khó khăn, vướng mắc: Không")
                .unwrap();
        }
        1 => {
            ws.write_string(after, 0, "Đề xuất, kiến nghị:").unwrap();
            ws.write_string(after + 1, 0, "- Bổ sung kinh phí tuyên truyền")
                .unwrap();
        }
        _ => {
            ws.write_string(after, 1, "Tổng cộng").unwrap();
        }
    }
    ws.write_string(after + 3, 5, "Người lập biểu").unwrap();
    ws.write_string(after + 3, 1, "Thủ trưởng đơn vị").unwrap();
    let path = dir.join(format!("{i:02}-{shape:?}.xlsx"));
    wb.save(&path).unwrap();
    path
}

#[test]
fn the_corpus_is_read_as_a_person_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (l, labels) in LABEL_SETS.iter().enumerate() {
        for (s, shape) in SHAPES.iter().enumerate() {
            let i = l * SHAPES.len() + s;
            files.push(unit_file(dir.path(), i, labels, *shape));
        }
    }
    assert!(files.len() >= 30);
    let mut disagreements = Vec::new();
    for p in &files {
        let (_, v) = common::check_json(&[p], &[]);
        let f = &v["files"][0];
        let errors: Vec<String> = f["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["severity"] == "error")
            .map(|x| format!("{} {} {}", x["code"], x["cell"], x["message"]))
            .collect();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let warnings: Vec<String> = f["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["severity"] == "warning")
            .map(|x| {
                format!(
                    "{}@{}",
                    x["code"].as_str().unwrap(),
                    x["cell"].as_str().unwrap_or("-")
                )
            })
            .collect();
        println!("{name}: warnings {warnings:?}");
        if f["unit"] != "TTUD" || f["rows"] != 4 || !errors.is_empty() {
            disagreements.push(format!(
                "{name}: unit {} rows {} {errors:?}",
                f["unit"], f["rows"]
            ));
        }
    }
    let good = files.len() - disagreements.len();
    println!(
        "corpus: {good}/{} files read with no false error ({:.0}%)",
        files.len(),
        100.0 * good as f64 / files.len() as f64
    );
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}
