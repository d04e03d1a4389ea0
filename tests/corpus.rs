//! A corpus of unit files written in many hands (issue 14), kept as fixtures in
//! `tests/fixtures/corpus/`: each varies the form the way units do — their own
//! labels, column order, a two-row header with a merged parent, the table on a
//! later sheet, numbers and dates as text or as date cells, period phrases,
//! status words, numbers with their unit, remarks and a signature below, saves
//! as .xls and .ods — across the plan's seven units, and a few carry an error a
//! person would see. What a person reading each file concludes (unit, data rows,
//! the errors that are real) is written by hand in `expected.tsv`; the test runs
//! the real binary on each file, asserts the checker agrees, and prints the share
//! of files read with no false error.
//!
//! The committed files are the truth. `regenerate_the_corpus` (ignored) rewrites
//! them: `cargo test --test corpus -- --ignored regenerate_the_corpus` (needs
//! `soffice` for the .xls/.ods saves).

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

fn corpus_dir() -> PathBuf {
    common::root().join("tests/fixtures/corpus")
}

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

const LABEL_SETS: [Labels; 7] = [
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
    // No label over the status column (the values say what it is).
    Labels {
        number: "STT",
        task: "Nhiệm vụ",
        activity: "Nội dung thực hiện",
        quantity: "Số lượng",
        measure: "Đơn vị tính",
        time: "Thời gian",
        status: "",
        evidence: "Minh chứng",
    },
];

/// How the table is laid out and filled.
#[derive(Clone, Copy, Debug, PartialEq)]
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

/// The unit of each label set's files (but for its `UnitsWords` file, TTUD's).
const UNIT_OF_LABELS: [&str; 6] = ["TTUD", "HCTH", "QLTC", "CCTC", "TTRA", "QLKH"];

/// How units name themselves in the title block: the plan's names and aliases.
fn unit_names(code: &str) -> &'static [&'static str] {
    match code {
        "TTUD" => &[
            "Trung tâm Ứng dụng và Dịch vụ khoa học và Công nghệ",
            "Trung tâm Ứng dụng và Dịch vụ KH&CN",
            "TT Ứng dụng và Dịch vụ KHCN",
            "Trung tâm Ứng dụng",
            "TTƯD",
        ],
        "HCTH" => &[
            "Phòng Hành chính - Tổng hợp",
            "Văn phòng Sở",
            "Phòng HC - TH",
        ],
        "QLTC" => &[
            "Phòng Quản lý Tiêu chuẩn Đo lường Chất lượng",
            "Phòng QLTCĐLCL",
            "Phòng Quản lý Tiêu chuẩn - Đo lường - Chất lượng",
        ],
        "CCTC" => &[
            "Chi cục Tiêu chuẩn Đo lường Chất lượng",
            "Chi cục TĐC",
            "Chi cục TC-ĐL-CL",
        ],
        "TTRA" => &["Thanh tra Sở", "Thanh tra Sở KH&CN", "Thanh tra"],
        "QLKH" => &["Phòng Quản lý Khoa học", "Phòng QLKH", "Phòng QL Khoa học"],
        _ => &[
            "Phòng Quản lý Công nghệ và Chuyên ngành",
            "Phòng QLCN",
            "Phòng Quản lý CN và CN",
        ],
    }
}

/// A cell: text, a whole number, or a date cell.
#[derive(Clone, Copy)]
enum V {
    T(&'static str),
    N(f64),
    D(i32, u32, u32),
}

/// A data row: task, activity, quantity, measure, time, status.
type Row = [V; 6];

/// A unit's rows: the tasks it leads and some it works on with others.
/// `words`: TTUD's rows in the units' own words.
fn rows(code: &str, words: bool) -> Vec<Row> {
    use V::*;
    match (code, words) {
        ("TTUD", true) => vec![
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
        ("TTUD", false) => vec![
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
        ("HCTH", _) => vec![
            [
                N(4.0),
                T("Treo băng rôn nhân Ngày KH&CN 18/5"),
                N(2.0),
                T("hoạt động"),
                D(2024, 5, 16),
                T("Hoàn thành"),
            ],
            [
                T("1"),
                T("Cung cấp tin bài CCHC cho Trang TTĐT"),
                T("05"),
                T("tin/bài"),
                T("Quý III/2024"),
                T("Đã hoàn thành"),
            ],
            [
                N(2.0),
                T("Gửi văn bản CCHC để đăng tải"),
                N(3.0),
                T("văn bản"),
                T("Tháng 6/2024"),
                T("Hoàn thành"),
            ],
        ],
        ("QLTC", _) => vec![
            [
                N(5.0),
                T("Đào tạo đánh giá nội bộ ISO 9001:2015"),
                N(2.0),
                T("lớp"),
                T("Tháng 8/2024"),
                T("Hoàn thành"),
            ],
            [
                T("5"),
                T("Học viên dự các lớp đào tạo"),
                T("145 học viên"),
                T(""),
                T("Tháng 8/2024"),
                T("Hoàn thành"),
            ],
            [
                N(1.0),
                T("Cung cấp tin hoạt động của phòng"),
                N(3.0),
                T("tin"),
                T("6 tháng cuối năm 2024"),
                T("Đang thực hiện"),
            ],
        ],
        ("CCTC", _) => vec![
            [
                N(6.0),
                T("Kiểm tra HTQLCL tại cơ quan hành chính"),
                N(12.0),
                T("cơ quan"),
                T("Quý III/2024"),
                T("Hoàn thành"),
            ],
            [
                N(6.0),
                T("Đoàn kiểm tra liên ngành"),
                N(2.0),
                T("cuộc"),
                D(2024, 9, 10),
                T("Hoàn thành"),
            ],
            [
                T("3"),
                T("Bài viết cho bản tin KH&CN"),
                N(1.0),
                T("bài"),
                T("Quý IV/2024"),
                T("Chưa thực hiện"),
            ],
        ],
        ("TTRA", _) => vec![
            [
                N(1.0),
                T("Cung cấp tin về công tác thanh tra"),
                N(4.0),
                T("tin"),
                T("Cả năm"),
                T("Hoàn thành"),
            ],
            [
                N(2.0),
                T("Công khai kết luận thanh tra"),
                T("6"),
                T("văn bản"),
                T("Năm 2024"),
                T("Đang triển khai"),
            ],
        ],
        ("QLKH", _) => vec![
            [
                N(3.0),
                T("Viết bài cho chuyên mục KH&CN"),
                N(2.0),
                T("bài"),
                T("Quý II/2024"),
                T("Hoàn thành"),
            ],
            [
                N(4.0),
                T("Tham dự hội nghị nhân Ngày KH&CN"),
                N(1.0),
                T("hội nghị"),
                D(2024, 5, 18),
                T("Hoàn thành"),
            ],
            [
                T("1"),
                T("Tin về nghiệm thu đề tài"),
                N(5.0),
                T("tin"),
                T("Thường xuyên"),
                T("Đang thực hiện"),
            ],
        ],
        _ => vec![
            [
                N(1.0),
                T("Tin về chuyển giao công nghệ"),
                N(3.0),
                T("tin"),
                T("Cả năm"),
                T("Hoàn thành"),
            ],
            [
                N(2.0),
                T("Đăng tải văn bản về chuyên ngành"),
                N(2.0),
                T("văn bản"),
                D(2024, 10, 2),
                T("Hoàn thành"),
            ],
        ],
    }
}

/// One file of the corpus, as it is written.
struct Spec {
    /// File name without its extension (no unit code in it: the unit is read
    /// from the title block).
    stem: String,
    unit: &'static str,
    labels: usize,
    shape: Shape,
    rows: Vec<Row>,
    /// Which shape of remarks below the table (0..3).
    remarks: usize,
    /// The extension it is saved with: xlsx, or xls/ods (LibreOffice's save).
    save: &'static str,
}

/// `rows` with cell `k` of every row replaced.
fn column(mut rows: Vec<Row>, k: usize, v: V) -> Vec<Row> {
    for r in &mut rows {
        r[k] = v;
    }
    rows
}

/// `rows` with cell `k` of row `r` replaced.
fn with(mut rows: Vec<Row>, r: usize, k: usize, v: V) -> Vec<Row> {
    rows[r][k] = v;
    rows
}

/// A hand-made file: (stem, unit, label set, shape, rows, save).
type Extra = (
    &'static str,
    &'static str,
    usize,
    Shape,
    Vec<Row>,
    &'static str,
);

fn specs() -> Vec<Spec> {
    let mut v = Vec::new();
    for (l, label_unit) in UNIT_OF_LABELS.iter().enumerate() {
        for (s, shape) in SHAPES.iter().enumerate() {
            let i = l * SHAPES.len() + s;
            let code = if *shape == Shape::UnitsWords {
                "TTUD"
            } else {
                label_unit
            };
            let names = unit_names(code);
            let save = match i {
                2 | 8 | 13 | 19 | 24 => "xls",
                3 | 11 | 17 | 26 => "ods",
                _ => "xlsx",
            };
            v.push(Spec {
                stem: format!("{i:02}-{}", kebab(*shape)),
                unit: names[i % names.len()],
                labels: l,
                shape: *shape,
                rows: rows(code, *shape == Shape::UnitsWords),
                remarks: i % 3,
                save,
            });
        }
    }
    use V::*;
    let ttud = || rows("TTUD", false);
    // (stem, unit, label set, shape, rows, save)
    let extra: Vec<Extra> = vec![
        (
            "30-plain",
            "Phòng QLCN và CN",
            0,
            Shape::Plain,
            rows("QLCN", false),
            "xlsx",
        ),
        (
            "31-two-row-header",
            "Phòng QLCN",
            3,
            Shape::TwoRowHeader,
            rows("QLCN", false),
            "ods",
        ),
        // Errors a person sees.
        (
            "32-status-says-nothing",
            "Trung tâm Ứng dụng",
            0,
            Shape::Plain,
            with(ttud(), 1, 5, T("Xem ghi chú")),
            "xlsx",
        ),
        (
            "33-month-first-date",
            "TT Ứng dụng",
            1,
            Shape::Plain,
            with(ttud(), 3, 4, T("05/18/2024")),
            "xls",
        ),
        (
            "34-quantity-no-measure",
            "Trung tâm Ứng dụng",
            2,
            Shape::Plain,
            with(ttud(), 0, 3, T("")),
            "xlsx",
        ),
        (
            "35-task-not-in-plan",
            "TTƯD",
            0,
            Shape::Reversed,
            with(ttud(), 2, 0, T("9")),
            "xlsx",
        ),
        (
            "36-task-4-missing",
            "Trung tâm Ứng dụng và Dịch vụ KH&CN",
            1,
            Shape::Plain,
            ttud()[..3].to_vec(),
            "xlsx",
        ),
        (
            "37-activity-empty",
            "Phòng HC - TH",
            0,
            Shape::Plain,
            with(rows("HCTH", false), 2, 1, T("")),
            "ods",
        ),
        (
            "38-quantity-in-words",
            "Phòng QLKH",
            5,
            Shape::Plain,
            with(rows("QLKH", false), 0, 2, T("nhiều")),
            "xlsx",
        ),
        // Not errors: a time of last year and a done row without its quantity
        // are warnings (W107, W109) a person would only ask about.
        (
            "39-last-year-no-quantity",
            "Thanh tra Sở",
            0,
            Shape::Plain,
            with(
                with(
                    with(rows("TTRA", false), 0, 4, D(2023, 12, 20)),
                    1,
                    2,
                    T(""),
                ),
                1,
                5,
                T("Hoàn thành"),
            ),
            "xlsx",
        ),
        // The status column without its label: known by its values (W009).
        (
            "40-status-unlabelled",
            "Chi cục TĐC",
            6,
            Shape::Plain,
            rows("CCTC", false),
            "xlsx",
        ),
        // No status written anywhere and no column for it: E008.
        (
            "41-no-status-column",
            "Phòng Quản lý Khoa học",
            6,
            Shape::Plain,
            column(rows("QLKH", false), 5, T("")),
            "xlsx",
        ),
        // The unit named only by the file name.
        (
            "42 Báo cáo CCHC - Thanh tra Sở",
            "",
            1,
            Shape::Plain,
            rows("TTRA", false),
            "xlsx",
        ),
    ];
    for (n, (stem, unit, labels, shape, rows, save)) in extra.into_iter().enumerate() {
        v.push(Spec {
            stem: stem.to_string(),
            unit,
            labels,
            shape,
            rows,
            remarks: n % 3,
            save: match save {
                "xls" => "xls",
                "ods" => "ods",
                _ => "xlsx",
            },
        });
    }
    v
}

fn kebab(shape: Shape) -> &'static str {
    match shape {
        Shape::Plain => "plain",
        Shape::Reversed => "reversed",
        Shape::LaterSheet => "later-sheet",
        Shape::TwoRowHeader => "two-row-header",
        Shape::UnitsWords => "units-words",
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

/// Writes `spec` as .xlsx into `dir`; returns its path.
fn unit_file(dir: &Path, spec: &Spec) -> PathBuf {
    let labels = &LABEL_SETS[spec.labels];
    let shape = spec.shape;
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
    // The unit: in one cell, or a label and the name beside it.
    if spec.unit.is_empty() {
        ws.write_string(2, 0, "Đơn vị:").unwrap();
    } else if spec.remarks == 1 {
        ws.write_string(2, 0, format!("Đơn vị: {}", spec.unit))
            .unwrap();
    } else {
        ws.write_string(2, 0, "Đơn vị:").unwrap();
        ws.write_string(2, 1, spec.unit).unwrap();
    }
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
        for (k, name) in names.iter().enumerate().filter(|(_, n)| !n.is_empty()) {
            ws.write_string(header, cols[k], *name).unwrap();
        }
    }
    for (n, row) in spec.rows.iter().enumerate() {
        let r = first_data + n as u32;
        ws.write_number(r, cols[0], (n + 1) as f64).unwrap();
        for (k, v) in row.iter().enumerate() {
            write(ws, r, cols[k + 1], *v, &date);
        }
    }
    let after = first_data + spec.rows.len() as u32 + 1;
    match spec.remarks {
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
    let path = dir.join(format!("{}.xlsx", spec.stem));
    wb.save(&path).unwrap();
    path
}

/// Rewrites the committed corpus (not `expected.tsv`, which is written by hand).
#[test]
#[ignore = "rewrites tests/fixtures/corpus; needs soffice"]
fn regenerate_the_corpus() {
    let dir = corpus_dir();
    std::fs::create_dir_all(&dir).unwrap();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if matches!(
            p.extension().and_then(|x| x.to_str()),
            Some("xlsx" | "xls" | "ods")
        ) {
            std::fs::remove_file(p).unwrap();
        }
    }
    let profile = tempfile::tempdir().unwrap();
    for spec in specs() {
        let xlsx = unit_file(&dir, &spec);
        if spec.save == "xlsx" {
            continue;
        }
        let ok = std::process::Command::new("soffice")
            .arg("--headless")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.path().display()
            ))
            .args(["--convert-to", spec.save, "--outdir"])
            .arg(&dir)
            .arg(&xlsx)
            .output()
            .expect("run soffice");
        assert!(ok.status.success(), "{ok:?}");
        std::fs::remove_file(&xlsx).unwrap();
    }
}

/// One line of `expected.tsv`: what a person reading the file concludes.
struct Expected {
    file: String,
    unit: String,
    rows: u64,
    errors: BTreeSet<String>,
    note: String,
    /// A known disagreement: what the checker reads instead (`UNIT ROWS ERRORS`).
    known: Option<String>,
}

/// Comma-separated codes, `-` for none.
fn codes(s: &str) -> BTreeSet<String> {
    s.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty() && *c != "-")
        .map(String::from)
        .collect()
}

/// A reading written the way `known:` is: `UNIT ROWS E1,E2` (`-` for none).
fn reading(unit: &str, rows: u64, errors: &BTreeSet<String>) -> String {
    let errors: Vec<&str> = errors.iter().map(String::as_str).collect();
    let errors = if errors.is_empty() {
        "-".to_string()
    } else {
        errors.join(",")
    };
    format!("{unit} {rows} {errors}")
}

fn expected() -> Vec<Expected> {
    let text = std::fs::read_to_string(corpus_dir().join("expected.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() >= 4, "expected.tsv: {l:?}");
            Expected {
                file: f[0].to_string(),
                unit: f[1].to_string(),
                rows: f[2].parse().unwrap(),
                errors: codes(f[3]),
                note: f.get(4).unwrap_or(&"").to_string(),
                known: f
                    .get(5)
                    .and_then(|k| k.strip_prefix("known:"))
                    .map(|k| k.trim().to_string()),
            }
        })
        .collect()
}

#[test]
fn the_corpus_is_read_as_a_person_reads_it() {
    let expected = expected();
    let dir = corpus_dir();
    // Every committed file has its expectation, and the other way round.
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".xlsx") || n.ends_with(".xls") || n.ends_with(".ods"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = expected.iter().map(|e| e.file.clone()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "files of tests/fixtures/corpus vs expected.tsv"
    );
    assert!(expected.len() >= 30);

    let paths: Vec<PathBuf> = expected.iter().map(|e| dir.join(&e.file)).collect();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let (_, v) = common::check_json(&refs, &[]);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), expected.len());
    let mut disagreements = Vec::new();
    let mut false_errors = 0;
    let mut known = Vec::new();
    for (e, f) in expected.iter().zip(files) {
        let found = |sev: &str| -> Vec<(String, String)> {
            f["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|x| x["severity"] == sev)
                .map(|x| {
                    (
                        x["code"].as_str().unwrap().to_string(),
                        x["cell"].as_str().unwrap_or("-").to_string(),
                    )
                })
                .collect()
        };
        let errors = found("error");
        let codes: BTreeSet<String> = errors.iter().map(|(c, _)| c.clone()).collect();
        let warnings: Vec<String> = found("warning")
            .iter()
            .map(|(c, cell)| format!("{c}@{cell}"))
            .collect();
        println!("{}: errors {errors:?} warnings {warnings:?}", e.file);
        let unit = f["unit"].as_str().unwrap_or("-");
        let rows = f["rows"].as_u64().unwrap_or(0);
        if codes.iter().any(|c| !e.errors.contains(c)) {
            false_errors += 1;
        }
        let agrees = unit == e.unit && rows == e.rows && codes == e.errors;
        let read = reading(unit, rows, &codes);
        match &e.known {
            None if agrees => {}
            Some(k) if !agrees && *k == read => known.push(format!(
                "{}: a person reads {}; the checker {read} ({})",
                e.file,
                reading(&e.unit, e.rows, &e.errors),
                e.note
            )),
            Some(_) if agrees => disagreements.push(format!(
                "{}: now read as a person reads it; remove its `known:` in expected.tsv",
                e.file
            )),
            _ => disagreements.push(format!(
                "{}: a person reads {}; the checker {read} {errors:?}",
                e.file,
                reading(&e.unit, e.rows, &e.errors)
            )),
        }
    }
    let good = expected.len() - false_errors;
    println!(
        "corpus: {good}/{} files read with no false error ({:.0}%)",
        expected.len(),
        100.0 * good as f64 / expected.len() as f64
    );
    for k in &known {
        println!("known disagreement: {k}");
    }
    for d in &disagreements {
        println!("disagreement: {d}");
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}
