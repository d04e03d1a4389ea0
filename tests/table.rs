//! Finding the table in a unit's sheet, on grids built in code.

use baocao::read::table::{
    find_table, ByValues, Column, Located, Missing, NoHeader, RawRow, UnitTable,
};
use baocao::read::{CellValue, Format, Grid, Rect, Workbook};
use baocao::vocabulary::Vocabulary;
use chrono::NaiveDate;

fn t(s: &str) -> CellValue {
    CellValue::Text(s.to_string())
}

/// A sheet whose rows start at 0-based `first_row`; `""` is an empty cell.
fn sheet(name: &str, first_row: u32, rows: &[&[&str]]) -> Grid {
    let mut g = Grid {
        name: name.to_string(),
        ..Grid::default()
    };
    for (i, row) in rows.iter().enumerate() {
        for (c, s) in row.iter().enumerate() {
            if !s.is_empty() {
                set(&mut g, first_row + i as u32, c as u32, t(s));
            }
        }
    }
    g
}

fn set(g: &mut Grid, row: u32, col: u32, v: CellValue) {
    g.rows.entry(row).or_default().insert(col, v);
}

fn merge(g: &mut Grid, first_row: u32, first_col: u32, last_row: u32, last_col: u32) {
    g.merges.push(Rect {
        first_row,
        first_col,
        last_row,
        last_col,
    });
}

fn book(sheets: Vec<Grid>) -> Workbook {
    Workbook {
        format: Format::Xlsx,
        sheets,
    }
}

fn read(g: Grid) -> UnitTable {
    find_table(&book(vec![g]), Vocabulary::shipped(), &[]).expect("header found")
}

const HEADER: &[&str] = &[
    "STT",
    "Nhiệm vụ",
    "Nội dung thực hiện",
    "Số lượng",
    "Đơn vị tính",
    "Thời gian",
    "Tình trạng",
    "Minh chứng",
];

fn cell(row: &RawRow, c: Column) -> Option<&CellValue> {
    row.cells.get(&c)
}

fn text(row: &RawRow, c: Column) -> Option<String> {
    cell(row, c).map(CellValue::display)
}

fn activities(t: &UnitTable) -> Vec<String> {
    t.rows
        .iter()
        .map(|r| text(r, Column::Activity).unwrap_or_default())
        .collect()
}

fn group_of(row: &RawRow) -> Option<String> {
    row.group_task.as_ref().map(|g| g.value.display())
}

#[test]
fn header_in_first_row() {
    let g = sheet(
        "Kết quả",
        0,
        &[
            HEADER,
            &[
                "1",
                "4",
                "Đăng tin",
                "12",
                "tin",
                "Quý II/2024",
                "Hoàn thành",
                "http://x",
            ],
            &[
                "2",
                "5",
                "Hội nghị",
                "1",
                "hội nghị",
                "05/2024",
                "Đang thực hiện",
            ],
        ],
    );
    let tb = read(g);
    assert_eq!(tb.sheet, "Kết quả");
    assert_eq!(tb.sheet_index, 0);
    assert!(tb.ignored_sheets.is_empty());
    assert_eq!(tb.header_rows, (0, 0));
    assert_eq!(tb.columns[&Column::RowNumber], 0);
    assert_eq!(tb.columns[&Column::Task], 1);
    assert_eq!(tb.columns[&Column::Status], 6);
    assert_eq!(tb.columns[&Column::Evidence], 7);
    assert_eq!(tb.rows.len(), 2);
    let r = &tb.rows[0];
    assert_eq!(r.row, 1);
    assert_eq!(text(r, Column::Task).as_deref(), Some("4"));
    assert_eq!(text(r, Column::Quantity).as_deref(), Some("12"));
    assert_eq!(text(r, Column::Evidence).as_deref(), Some("http://x"));
    assert_eq!(text(r, Column::RowNumber).as_deref(), Some("1"));
    assert_eq!(r.group_task, None);
    assert_eq!(cell(&tb.rows[1], Column::Evidence), None);
    assert!(tb.unit.is_none() && tb.report_date.is_none());
    assert!(tb.difficulties.is_empty() && tb.proposals.is_empty());
}

#[test]
fn header_at_row_12_under_a_title_block() {
    let mut g = sheet(
        "Sheet1",
        0,
        &[
            &["SỞ KHOA HỌC VÀ CÔNG NGHỆ"],
            &["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CCHC NĂM 2024"],
            &[],
            &["Đơn vị: Trung tâm Ứng dụng  tiến bộ KH&CN"],
            &["", "", "", "", "Ngày báo cáo: 10/11/2024"],
        ],
    );
    for (c, s) in HEADER.iter().enumerate() {
        set(&mut g, 11, c as u32, t(s));
    }
    set(&mut g, 12, 1, t("4"));
    set(&mut g, 12, 2, t("Đăng tin"));
    let tb = read(g);
    assert_eq!(tb.header_rows, (11, 11));
    assert_eq!(
        tb.unit,
        Some(Located {
            row: 3,
            col: 0,
            value: "Trung tâm Ứng dụng tiến bộ KH&CN".to_string()
        })
    );
    assert_eq!(
        tb.report_date,
        Some(Located {
            row: 4,
            col: 4,
            value: t("10/11/2024")
        })
    );
    assert_eq!(tb.rows.len(), 1);
    assert_eq!(tb.rows[0].row, 12);
}

#[test]
fn header_beyond_row_30_is_not_searched() {
    let g = sheet("S", 30, &[HEADER, &["1", "4", "Đăng tin"]]);
    let err = find_table(&book(vec![g]), Vocabulary::shipped(), &[]).unwrap_err();
    assert_eq!(err.missing, Column::REQUIRED.to_vec());
    let g = sheet("S", 29, &[HEADER, &["1", "4", "Đăng tin"]]);
    assert_eq!(read(g).header_rows, (29, 29));
}

#[test]
fn label_variants_shuffled_columns_and_unknown_columns() {
    let g = sheet(
        "S",
        2,
        &[
            &[
                "Ghi chú khác",
                "TÌNH TRẠNG (*)",
                "thoi gian thuc hien:",
                "SL",
                "Nội dung\ncông việc",
                "Cột lạ",
                "ĐVT",
                "  Mã nhiệm vụ  ",
                "Số TT",
                "Nội dung (mục II)",
            ],
            &[
                "x",
                "HT",
                "Quý II",
                "3",
                "Bài viết",
                "y",
                "bài",
                "NV4",
                "1",
                "1, 4",
            ],
        ],
    );
    let tb = read(g);
    let expect = [
        (Column::Status, 1),
        (Column::Time, 2),
        (Column::Quantity, 3),
        (Column::Activity, 4),
        (Column::Measure, 6),
        (Column::Task, 7),
        (Column::RowNumber, 8),
        (Column::ContentAreas, 9),
    ];
    assert_eq!(tb.columns, expect.into_iter().collect());
    let r = &tb.rows[0];
    assert_eq!(r.cells.len(), 8, "unknown columns are left out: {r:?}");
    assert_eq!(text(r, Column::Task).as_deref(), Some("NV4"));
    assert_eq!(text(r, Column::ContentAreas).as_deref(), Some("1, 4"));
}

#[test]
fn ambiguous_labels() {
    // `Kết quả thực hiện` is the activity; `Nội dung tuyên truyền` the content areas.
    let g = sheet(
        "S",
        0,
        &[
            &[
                "TT",
                "Hình thức tuyên truyền",
                "Nội dung tuyên truyền",
                "Kết quả thực hiện",
                "Khối lượng",
                "Đơn vị tính",
                "Ngày thực hiện",
                "Tiến độ",
                "Đường dẫn",
            ],
            &[
                "1",
                "4",
                "1;4",
                "Đăng tin",
                "2",
                "tin",
                "1/5/2024",
                "Hoàn thành",
            ],
        ],
    );
    let tb = read(g);
    assert_eq!(tb.columns[&Column::RowNumber], 0);
    assert_eq!(tb.columns[&Column::Task], 1);
    assert_eq!(tb.columns[&Column::ContentAreas], 2);
    assert_eq!(tb.columns[&Column::Activity], 3);
    assert_eq!(tb.columns[&Column::Evidence], 8);
}

#[test]
fn first_matching_column_wins() {
    let g = sheet(
        "S",
        0,
        &[
            &[
                "Nhiệm vụ",
                "Nội dung thực hiện",
                "Số lượng",
                "ĐVT",
                "Thời gian",
                "Tình trạng",
                "Ghi chú",
                "Minh chứng",
            ],
            &["4", "a", "1", "tin", "2024", "HT", "note", "link"],
        ],
    );
    let tb = read(g);
    assert_eq!(tb.columns[&Column::Evidence], 6);
    assert_eq!(text(&tb.rows[0], Column::Evidence).as_deref(), Some("note"));
}

/// Rows 5–6 (0-based 4–5): `STT`, `Nhiệm vụ`, `Nội dung thực hiện`, `Thời gian`,
/// `Tình trạng` merged vertically; `Kết quả` merged across `Số lượng` | `Đơn vị tính`.
fn two_row_header(parent: &str) -> Grid {
    let mut g = sheet(
        "S",
        4,
        &[
            &[
                "STT",
                "Nhiệm vụ",
                "Nội dung thực hiện",
                parent,
                "",
                "Thời gian",
                "Tình trạng",
            ],
            &["", "", "", "Số lượng", "Đơn vị tính"],
            &["1", "4", "Đăng tin", "12", "tin", "Quý II", "Hoàn thành"],
        ],
    );
    for c in [0, 1, 2, 5, 6] {
        merge(&mut g, 4, c, 5, c);
    }
    merge(&mut g, 4, 3, 4, 4);
    g
}

#[test]
fn two_row_header_with_merged_parent() {
    for parent in ["Kết quả", "Kết quả thực hiện", ""] {
        let tb = read(two_row_header(parent));
        assert_eq!(tb.header_rows, (4, 5), "{parent}");
        let expect = [
            (Column::RowNumber, 0),
            (Column::Task, 1),
            (Column::Activity, 2),
            (Column::Quantity, 3),
            (Column::Measure, 4),
            (Column::Time, 5),
            (Column::Status, 6),
        ];
        assert_eq!(tb.columns, expect.into_iter().collect(), "{parent}");
        assert_eq!(tb.rows.len(), 1);
        assert_eq!(tb.rows[0].row, 6);
        assert_eq!(text(&tb.rows[0], Column::Measure).as_deref(), Some("tin"));
    }
}

#[test]
fn two_row_header_sub_headers_only_in_some_columns() {
    // No merges at all: the upper cells over the sub-headers are simply empty.
    let g = sheet(
        "S",
        0,
        &[
            &[
                "STT",
                "Nhiệm vụ",
                "Nội dung thực hiện",
                "Kết quả",
                "",
                "Thời gian",
                "Tình trạng",
            ],
            &["", "", "", "SL", "ĐVT"],
            &["1", "4", "Đăng tin", "12", "tin", "Quý II", "Hoàn thành"],
        ],
    );
    let tb = read(g);
    assert_eq!(tb.header_rows, (0, 1));
    assert_eq!(tb.columns[&Column::Quantity], 3);
    assert_eq!(tb.columns[&Column::Measure], 4);
    assert_eq!(tb.rows.len(), 1);
}

#[test]
fn one_row_header_does_not_eat_the_first_data_row() {
    let g = sheet(
        "S",
        0,
        &[
            HEADER,
            &["1", "4", "Đăng tin", "12", "tin", "Quý II", "Hoàn thành"],
        ],
    );
    let tb = read(g);
    assert_eq!(tb.header_rows, (0, 0));
    assert_eq!(tb.rows.len(), 1);
}

#[test]
fn column_number_row_under_the_header_is_skipped() {
    let g = sheet(
        "S",
        0,
        &[
            HEADER,
            &["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
            &["1", "4", "Đăng tin", "12", "tin", "Quý II", "Hoàn thành"],
        ],
    );
    let tb = read(g);
    assert_eq!(activities(&tb), ["Đăng tin"]);
}

#[test]
fn title_block_values_in_the_next_cell() {
    let mut g = sheet(
        "S",
        0,
        &[
            &["Tên đơn vị:", "", "TTUD"],
            &["Ngày báo cáo:"],
            &[],
            HEADER,
            &["1", "4", "Đăng tin"],
        ],
    );
    let d = NaiveDate::from_ymd_opt(2024, 11, 10).unwrap();
    set(&mut g, 1, 3, CellValue::Date(d));
    let tb = read(g);
    assert_eq!(
        tb.unit,
        Some(Located {
            row: 0,
            col: 2,
            value: "TTUD".to_string()
        })
    );
    assert_eq!(
        tb.report_date,
        Some(Located {
            row: 1,
            col: 3,
            value: CellValue::Date(d)
        })
    );
}

#[test]
fn title_block_label_variants() {
    let g = sheet(
        "S",
        0,
        &[
            &["Đơn vị báo cáo:Phòng QLTC"],
            &["Ngày báo cáo", "12/11/2024"],
            HEADER,
        ],
    );
    let tb = read(g);
    assert_eq!(tb.unit.unwrap().value, "Phòng QLTC");
    let d = tb.report_date.unwrap();
    assert_eq!((d.row, d.col, d.value), (1, 1, t("12/11/2024")));

    let g = sheet("S", 0, &[&["Đơn vị", "Văn phòng Sở"], HEADER]);
    let u = read(g).unit.unwrap();
    assert_eq!((u.row, u.col, u.value.as_str()), (0, 1, "Văn phòng Sở"));
}

#[test]
fn measure_header_is_not_the_unit() {
    // Only rows above the header are the title block, and `Đơn vị tính` is no label.
    let g = sheet(
        "S",
        0,
        &[&["Đơn vị tính: tin, bài"], HEADER, &["Đơn vị: TTUD"]],
    );
    let tb = read(g);
    assert_eq!(tb.unit, None);
}

#[test]
fn group_rows_set_the_task_for_rows_below() {
    let mut g = sheet(
        "S",
        0,
        &[
            HEADER,
            &["I. NHIỆM VỤ CHỦ TRÌ"],
            &["4. Tổ chức tuyên truyền trên Cổng thông tin"],
            &["1", "", "Đăng tin", "12", "tin", "Quý II", "Hoàn thành"],
            &["2", "", "Đăng bài", "3", "bài", "Quý II", "Hoàn thành"],
            &["II", "5"],
            &[
                "3",
                "",
                "Hội nghị",
                "1",
                "hội nghị",
                "05/2024",
                "Hoàn thành",
            ],
            &["4", "7", "Tập huấn", "1", "lớp", "06/2024", "Hoàn thành"],
            &["", "Nhiệm vụ phối hợp"],
            &["5", "", "Phối hợp", "1", "buổi", "06/2024", "Hoàn thành"],
        ],
    );
    merge(&mut g, 1, 0, 1, 7);
    merge(&mut g, 2, 0, 2, 7);
    let tb = read(g);
    assert_eq!(
        activities(&tb),
        ["Đăng tin", "Đăng bài", "Hội nghị", "Tập huấn", "Phối hợp"]
    );
    let first = tb.rows[0].group_task.clone().unwrap();
    assert_eq!((first.row, first.col), (2, 0));
    assert_eq!(
        first.value,
        t("4. Tổ chức tuyên truyền trên Cổng thông tin")
    );
    assert_eq!(
        group_of(&tb.rows[1]).as_deref(),
        Some(first.value.display().as_str())
    );
    let second = tb.rows[2].group_task.clone().unwrap();
    assert_eq!((second.row, second.col, second.value), (5, 1, t("5")));
    // A row with its own task keeps its own cell; the group still applies to the others.
    assert_eq!(text(&tb.rows[3], Column::Task).as_deref(), Some("7"));
    // A heading without a task number starts a group too (the checker matches its
    // title or reports it): the rows below are not given to task 5.
    assert_eq!(group_of(&tb.rows[4]).as_deref(), Some("Nhiệm vụ phối hợp"));
}

#[test]
fn heading_in_an_unmerged_activity_cell_is_a_data_row() {
    // A row with an activity but nothing else is a data row (errors later).
    let g = sheet(
        "S",
        0,
        &[
            HEADER,
            &["", "", "4. Tổ chức tuyên truyền"],
            &["1", "", "Đăng tin"],
        ],
    );
    let tb = read(g);
    assert_eq!(tb.rows.len(), 2);
    assert!(tb.rows.iter().all(|r| r.group_task.is_none()));
}

#[test]
fn heading_merged_across_from_the_activity_column() {
    let mut g = sheet(
        "S",
        0,
        &[
            HEADER,
            &["", "", "Nhiệm vụ 6: Bản tin"],
            &["1", "", "Bản tin số 1", "1", "số", "Quý I", "HT"],
        ],
    );
    merge(&mut g, 1, 2, 1, 7);
    let tb = read(g);
    assert_eq!(activities(&tb), ["Bản tin số 1"]);
    assert_eq!(
        group_of(&tb.rows[0]).as_deref(),
        Some("Nhiệm vụ 6: Bản tin")
    );
}

#[test]
fn total_and_blank_rows_are_skipped() {
    let mut g = sheet(
        "S",
        0,
        &[
            HEADER,
            &["1", "4", "Đăng tin", "12", "tin", "Quý II", "Hoàn thành"],
            &["   ", "", " "],
            &["2"],
            &["Tổng cộng", "", "", "12"],
            &["", "", "TỔNG SỐ", "12"],
            &[
                "3",
                "4",
                "Tổng kết công tác",
                "1",
                "hội nghị",
                "12/2024",
                "Hoàn thành",
            ],
            &[
                "",
                "",
                "Tổng hợp ý kiến",
                "",
                "",
                "Quý IV",
                "Đang thực hiện",
            ],
        ],
    );
    set(&mut g, 2, 9, t(""));
    let tb = read(g);
    assert_eq!(
        activities(&tb),
        ["Đăng tin", "Tổng kết công tác", "Tổng hợp ý kiến"]
    );
}

#[test]
fn signature_block_ends_the_data() {
    let g = sheet(
        "S",
        0,
        &[
            HEADER,
            &["1", "4", "Đăng tin", "12", "tin", "Quý II", "Hoàn thành"],
            &["", "Quảng Ngãi, ngày 10 tháng 11 năm 2024"],
            &["", "Người lập biểu", "", "", "", "Thủ trưởng đơn vị"],
            &["2", "4", "Đăng lại", "1", "tin", "Quý II", "Hoàn thành"],
        ],
    );
    assert_eq!(activities(&read(g)), ["Đăng tin"]);

    for label in [
        "KT. GIÁM ĐỐC\n(Ký tên, đóng dấu)",
        "Xác nhận của lãnh đạo",
        "Người lập",
    ] {
        let g = sheet(
            "S",
            0,
            &[
                HEADER,
                &["1", "4", "Đăng tin", "12", "tin", "Quý II", "Hoàn thành"],
                &["", "", label],
                &["2", "4", "Đăng lại", "1", "tin", "Quý II", "Hoàn thành"],
            ],
        );
        assert_eq!(activities(&read(g)), ["Đăng tin"], "{label}");
    }
}

#[test]
fn activity_starting_like_a_signature_is_data() {
    let g = sheet(
        "S",
        0,
        &[
            HEADER,
            &[
                "",
                "4",
                "Giám đốc Sở chủ trì hội nghị",
                "1",
                "hội nghị",
                "Quý II",
                "HT",
            ],
        ],
    );
    assert_eq!(activities(&read(g)).len(), 1);
}

fn with_remarks(rows: &[&[&str]]) -> UnitTable {
    let mut all: Vec<&[&str]> = vec![
        HEADER,
        &["1", "4", "Đăng tin", "12", "tin", "Quý II", "Hoàn thành"],
    ];
    all.extend_from_slice(rows);
    read(sheet("S", 0, &all))
}

fn values(v: &[Located<String>]) -> Vec<&str> {
    v.iter().map(|l| l.value.as_str()).collect()
}

#[test]
fn remarks_in_the_same_cell() {
    let tb = with_remarks(&[
        &[],
        &["Khó khăn, vướng mắc: Thiếu kinh phí"],
        &["Đề xuất, kiến nghị:\n- Bổ sung kinh phí\n+ Tập huấn thêm\n• Khác"],
        &["", "Người lập biểu"],
        &["Kiến nghị: sau chữ ký"],
    ]);
    assert_eq!(activities(&tb), ["Đăng tin"]);
    assert_eq!(values(&tb.difficulties), ["Thiếu kinh phí"]);
    assert_eq!((tb.difficulties[0].row, tb.difficulties[0].col), (3, 0));
    assert_eq!(
        values(&tb.proposals),
        ["Bổ sung kinh phí", "Tập huấn thêm", "Khác"]
    );
}

#[test]
fn remarks_to_the_right_and_below() {
    let tb = with_remarks(&[
        &["Khó khăn:", "", "Máy móc cũ", "Thiếu người"],
        &["III. ĐỀ XUẤT, KIẾN NGHỊ"],
        &["- Đề nghị Sở hỗ trợ"],
        &[],
        &["", "- Mở lớp tập huấn\n- Cấp tài khoản"],
        &["Quảng Ngãi, ngày 10 tháng 11 năm 2024"],
        &["Không liên quan"],
    ]);
    assert_eq!(values(&tb.difficulties), ["Máy móc cũ", "Thiếu người"]);
    assert_eq!((tb.difficulties[0].row, tb.difficulties[0].col), (2, 2));
    assert_eq!(
        values(&tb.proposals),
        ["Đề nghị Sở hỗ trợ", "Mở lớp tập huấn", "Cấp tài khoản"]
    );
    assert_eq!((tb.proposals[1].row, tb.proposals[1].col), (6, 1));
}

#[test]
fn remarks_none() {
    let tb = with_remarks(&[&["Tồn tại, hạn chế: Không"], &["Kiến nghị:", "không có."]]);
    assert!(tb.difficulties.is_empty());
    assert!(tb.proposals.is_empty());
    let tb = with_remarks(&[
        &["Đề xuất:"],
        &["Không"],
        &["Khó khăn, vướng mắc:"],
        &["Ít người"],
    ]);
    assert!(tb.proposals.is_empty());
    assert_eq!(values(&tb.difficulties), ["Ít người"]);
}

#[test]
fn vertically_merged_cells_apply_to_every_covered_row() {
    let mut g = sheet(
        "S",
        0,
        &[
            HEADER,
            &["1", "4", "Đăng tin", "12", "tin", "Quý II", "Hoàn thành"],
            &["2", "", "Đăng bài", "3", "bài", "", ""],
            &["3", "", "Phóng sự", "1", "phóng sự"],
            &["4", "", "Khác", "1", "tin", "Quý III", "Hoàn thành"],
        ],
    );
    merge(&mut g, 1, 1, 3, 1); // task 4 over rows 2–4
    merge(&mut g, 1, 5, 3, 6); // time and status merged across two columns: time only
    merge(&mut g, 2, 6, 3, 6); // status merged over rows 3–4 (empty top-left: nothing)
    let tb = read(g);
    let tasks: Vec<Option<String>> = tb.rows.iter().map(|r| text(r, Column::Task)).collect();
    assert_eq!(
        tasks,
        [Some("4".into()), Some("4".into()), Some("4".into()), None]
    );
    assert_eq!(text(&tb.rows[2], Column::Time).as_deref(), Some("Quý II"));
    // Two overlapping merges are malformed; either way, nothing panics.
    assert_eq!(text(&tb.rows[3], Column::Time).as_deref(), Some("Quý III"));
}

#[test]
fn merged_cells_in_the_header_do_not_leak_into_data() {
    let mut g = two_row_header("Kết quả");
    merge(&mut g, 4, 1, 8, 1); // a header cell merged far down: not a data value
    set(&mut g, 7, 2, t("Hoạt động khác"));
    let tb = read(g);
    assert_eq!(text(&tb.rows[1], Column::Task), None);
}

#[test]
fn no_header_lists_the_missing_columns() {
    // Two required labels are not a header row (three are).
    let g = sheet(
        "S",
        0,
        &[
            &["Nhiệm vụ", "Nội dung", "Số lượng", "Đơn vị"],
            &["4", "Đăng tin", "12", "tin"],
        ],
    );
    let g2 = sheet("T", 3, &[&["Thời gian"]]);
    let err = find_table(&book(vec![g2, g]), Vocabulary::shipped(), &[]).unwrap_err();
    assert_eq!(
        err,
        NoHeader {
            missing: vec![
                Column::Activity,
                Column::Measure,
                Column::Time,
                Column::Status
            ]
        }
    );
    let err = find_table(&book(vec![]), Vocabulary::shipped(), &[]).unwrap_err();
    assert_eq!(err.missing, Column::REQUIRED.to_vec());
    let err = find_table(&book(vec![Grid::default()]), Vocabulary::shipped(), &[]).unwrap_err();
    assert_eq!(err.missing, Column::REQUIRED.to_vec());
}

#[test]
fn three_labels_make_a_header_and_the_rest_is_found_by_values_or_named_missing() {
    let g = sheet(
        "S",
        0,
        &[
            &["Nhiệm vụ", "Nội dung", "Số lượng", "Đơn vị", "Tình trạng"],
            &["4", "Đăng tin", "12", "tin", "HT"],
            &["4", "Đăng bài", "3", "bài", "HT"],
        ],
    );
    let tb = read(g);
    assert_eq!(tb.columns[&Column::Measure], 3);
    assert_eq!(
        tb.header.by_values,
        [ByValues {
            column: Column::Measure,
            row: 0,
            col: 3,
            header: "Đơn vị".into()
        }]
    );
    assert_eq!(
        tb.header.missing,
        [
            Missing {
                column: Column::Activity,
                nearest: Some("Nội dung".into())
            },
            Missing {
                column: Column::Time,
                nearest: None
            }
        ]
    );
    assert_eq!(tb.header.labels.len(), 5);
}

#[test]
fn a_label_naming_two_columns_is_settled_by_its_values() {
    // The header: `Kết quả thực hiện` holds statuses, the activity is
    // `Nội dung hoạt động`.
    let header: &[&str] = &[
        "TT",
        "Nội dung hoạt động",
        "Nhiệm vụ số",
        "Số lượng",
        "ĐVT",
        "Thời gian",
        "Kết quả thực hiện",
        "Ghi chú",
    ];
    let g = sheet(
        "S",
        0,
        &[
            header,
            &[
                "1",
                "Đăng tin",
                "4",
                "2",
                "tin",
                "05/2024",
                "Hoàn thành",
                "",
            ],
        ],
    );
    let tb = read(g);
    assert_eq!(tb.columns[&Column::Activity], 1);
    assert_eq!(tb.columns[&Column::Status], 6);
    assert!(tb.header.by_values.is_empty() && tb.header.missing.is_empty());
    // Alone, with free text below, it is the activity; the status is then missing.
    let g = sheet(
        "S",
        0,
        &[
            &[
                "Nhiệm vụ",
                "Kết quả thực hiện",
                "Số lượng",
                "ĐVT",
                "Thời gian",
            ],
            &["4", "Đăng tin về CCHC", "2", "tin", "05/2024"],
        ],
    );
    let tb = read(g);
    assert_eq!(tb.columns[&Column::Activity], 1);
    assert_eq!(tb.header.missing.len(), 1);
    assert_eq!(tb.header.missing[0].column, Column::Status);
}

#[test]
fn a_column_with_an_unknown_label_is_known_by_its_statuses() {
    let g = sheet(
        "S",
        0,
        &[
            &[
                "Nhiệm vụ",
                "Nội dung thực hiện",
                "Số lượng",
                "ĐVT",
                "Thời gian",
                "Kết quả",
                "",
            ],
            &["4", "Đăng tin", "2", "tin", "05/2024", "Hoàn thành", ""],
            &[
                "4",
                "Đăng bài",
                "1",
                "bài",
                "06/2024",
                "Đang thực hiện",
                "x",
            ],
            &["4", "Đăng bài", "1", "bài", "06/2024", "xong rồi", ""],
        ],
    );
    let tb = read(g);
    assert_eq!(tb.columns[&Column::Status], 5);
    assert_eq!(tb.header.by_values[0].header, "Kết quả");
    assert!(tb.header.missing.is_empty());
}

#[test]
fn first_sheet_with_a_header_is_read() {
    let notes = sheet("Hướng dẫn", 0, &[&["Điền biểu theo mẫu"], &["Nhiệm vụ"]]);
    let data = sheet("Kết quả", 0, &[HEADER, &["1", "4", "Đăng tin"]]);
    let other = sheet("Cũ", 0, &[HEADER, &["1", "5", "Khác"]]);
    let tb = find_table(&book(vec![notes, data, other]), Vocabulary::shipped(), &[]).unwrap();
    assert_eq!(tb.sheet_index, 1);
    assert_eq!(tb.sheet, "Kết quả");
    assert_eq!(tb.ignored_sheets, ["Hướng dẫn", "Cũ"]);
    assert_eq!(activities(&tb), ["Đăng tin"]);
}

#[test]
fn header_without_data_rows() {
    let tb = read(sheet("S", 0, &[HEADER, &[], &["Tổng cộng"]]));
    assert!(tb.rows.is_empty());
}

#[test]
fn hostile_grids_do_not_panic() {
    let mut g = sheet("S", 0, &[HEADER, &["1", "4", "Đăng tin"]]);
    set(&mut g, u32::MAX, u32::MAX, t("x"));
    set(&mut g, u32::MAX - 1, 3, t("Khó khăn:"));
    set(&mut g, u32::MAX, 0, t("- a"));
    set(&mut g, 5, u32::MAX, CellValue::Error("#REF!".into()));
    merge(&mut g, 3, 3, 1, 1); // inverted
    merge(&mut g, 2, 0, u32::MAX, 0);
    merge(&mut g, 1, 2, 1, u32::MAX);
    merge(&mut g, 1, 1, u32::MAX, u32::MAX);
    let tb = read(g.clone());
    // The error cell alone in an unknown column is no data; `Khó khăn:` ends the table.
    assert_eq!(activities(&tb), ["Đăng tin"]);
    assert_eq!(values(&tb.difficulties), ["a", "x"]);
    // A header cell merged down to the last row makes a two-row header.
    merge(&mut g, 0, 0, u32::MAX, u32::MAX);
    assert_eq!(read(g).header_rows, (0, 1));

    // A header in the last possible rows, a header row at u32::MAX.
    let mut g = Grid::default();
    for (c, s) in HEADER.iter().enumerate() {
        set(&mut g, u32::MAX, c as u32, t(s));
    }
    assert!(find_table(&book(vec![g]), Vocabulary::shipped(), &[]).is_err());
    let mut g = Grid::default();
    for (c, s) in HEADER.iter().enumerate() {
        set(&mut g, 0, u32::MAX - c as u32, t(s));
    }
    assert!(find_table(&book(vec![g]), Vocabulary::shipped(), &[]).is_ok());
}

#[test]
fn large_sheet_with_merged_task_cells_reads_every_row() {
    let mut g = sheet("S", 0, &[HEADER]);
    for r in 1..=100_000u32 {
        let row = g.rows.entry(r).or_default();
        row.insert(0, CellValue::Number(r as f64));
        if r % 3 == 1 {
            row.insert(1, CellValue::Number(4.0));
            g.merges.push(Rect {
                first_row: r,
                first_col: 1,
                last_row: r + 2,
                last_col: 1,
            });
        }
        row.insert(2, t("Đăng tin trên Cổng thông tin điện tử"));
        row.insert(3, CellValue::Number(3.0));
        row.insert(4, t("tin"));
        row.insert(5, t("Quý II/2024"));
        row.insert(6, t("Hoàn thành"));
    }
    // Speed is measured by examples/bench_batch.rs, not asserted here.
    let tb = read(g);
    assert_eq!(tb.rows.len(), 100_000);
    assert!(tb.rows.iter().all(|r| r.cells.contains_key(&Column::Task)));
}

#[test]
fn numbered_remarks_in_their_own_cells() {
    let tb = with_remarks(&[
        &["1.", "Khó khăn, vướng mắc:"],
        &["", "Thiếu kinh phí"],
        &["2.", "Đề xuất, kiến nghị: Tăng kinh phí"],
        &["a)", "Chưa có"],
    ]);
    assert_eq!(activities(&tb), ["Đăng tin"]);
    assert_eq!(values(&tb.difficulties), ["Thiếu kinh phí"]);
    assert_eq!(values(&tb.proposals), ["Tăng kinh phí"]);
}

#[test]
fn many_merges_and_columns_near_the_top() {
    let mut g = Grid::default();
    for r in 0..30u32 {
        for c in 0..2_000u32 {
            set(&mut g, r, c * 2, t("Kết quả"));
            merge(&mut g, r, c * 2, r + 1, c * 2 + 1);
        }
    }
    for (c, s) in HEADER.iter().enumerate() {
        set(&mut g, 29, 5_000 + c as u32, t(s));
    }
    let tb = read(g);
    assert_eq!(tb.header_rows, (29, 30));
}
