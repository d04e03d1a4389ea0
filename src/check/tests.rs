use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::finding::{Code, Kind};
use crate::messages::Lang;
use crate::plan::Role;
use crate::read::legacy::Encoding;
use crate::read::table::{Located, RawRow};
use crate::read::{Format, Grid, LimitKind, ReadError, TextFix};

const SHEET: &str = "Kết quả";
const HEADER: u32 = 5;

fn t(s: &str) -> CellValue {
    CellValue::Text(s.into())
}

/// A data row at 0-based sheet row `row`: task, activity, quantity, measure,
/// time, status (empty strings left out).
fn row(row: u32, cells: [&str; 6]) -> RawRow {
    let cols = [
        Column::Task,
        Column::Activity,
        Column::Quantity,
        Column::Measure,
        Column::Time,
        Column::Status,
    ];
    RawRow {
        row,
        cells: cols
            .into_iter()
            .zip(cells)
            .filter(|(_, v)| !v.is_empty())
            .map(|(c, v)| (c, t(v)))
            .collect(),
        group_task: None,
    }
}

fn good(r: u32, task: &str) -> RawRow {
    row(
        r,
        [task, "Đăng tin CCHC", "12", "tin", "05/2024", "Hoàn thành"],
    )
}

fn table(unit: Option<&str>, rows: Vec<RawRow>) -> UnitTable {
    let columns: BTreeMap<Column, u32> = [
        (Column::Task, 0),
        (Column::Activity, 1),
        (Column::Quantity, 2),
        (Column::Measure, 3),
        (Column::Time, 4),
        (Column::Status, 5),
        (Column::ContentAreas, 6),
        (Column::Evidence, 7),
    ]
    .into_iter()
    .collect();
    UnitTable {
        sheet_index: 0,
        sheet: SHEET.into(),
        ignored_sheets: Vec::new(),
        unit: unit.map(|u| Located {
            row: 2,
            col: 0,
            value: u.to_string(),
        }),
        report_date: None,
        header_rows: (HEADER, HEADER),
        columns,
        header: Default::default(),
        rows,
        difficulties: Vec::new(),
        proposals: Vec::new(),
    }
}

fn wb() -> Workbook {
    Workbook {
        format: Format::Xlsx,
        sheets: vec![Grid {
            name: SHEET.into(),
            ..Grid::default()
        }],
    }
}

/// TTUD's rows for all its lead tasks, so no E201 unless a test wants it.
fn ttud_rows(from: u32) -> Vec<RawRow> {
    (1..=4)
        .map(|n| {
            let mut r = good(from + n, &n.to_string());
            r.cells
                .insert(Column::Activity, t(&format!("Hoạt động {n}")));
            r
        })
        .collect()
}

fn run(tbl: &UnitTable) -> CheckedFile {
    run_with(tbl, None, "ket-qua.xlsx", &wb())
}

fn run_with(tbl: &UnitTable, forced: Option<&str>, name: &str, wb: &Workbook) -> CheckedFile {
    let plan = Plan::shipped();
    let rules = Rules::new(&plan, crate::vocabulary::Vocabulary::shipped());
    let f = check_table(&rules, Path::new(name), wb, tbl, forced);
    // Every finding reads without a placeholder left, in both languages.
    for x in &f.findings {
        for lang in [Lang::Vi, Lang::En] {
            for s in [
                crate::messages::message(x, lang),
                crate::messages::hint(x, lang),
            ] {
                assert!(
                    crate::text::placeholders(&s).is_empty(),
                    "{} {:?}: {s}",
                    x.code(),
                    x.kind
                );
            }
        }
    }
    f
}

/// (code, A1 cell or "-") of each finding.
fn codes(f: &CheckedFile) -> Vec<(String, String)> {
    f.findings
        .iter()
        .map(|x| {
            (
                x.code().to_string(),
                x.cell_a1().unwrap_or_else(|| "-".into()),
            )
        })
        .collect()
}

fn has(f: &CheckedFile, code: &str, cell: &str) -> bool {
    codes(f).contains(&(code.to_string(), cell.to_string()))
}

fn with_rows(mut rows: Vec<RawRow>) -> CheckedFile {
    rows.extend(ttud_rows(100));
    run(&table(Some("TTUD"), rows))
}

#[test]
fn a_clean_file_has_no_findings_and_all_rows() {
    let f = run(&table(Some("Trung tâm Ứng dụng"), ttud_rows(HEADER)));
    assert_eq!(codes(&f), vec![]);
    assert_eq!(f.unit.as_deref(), Some("TTUD"));
    assert_eq!(f.rows_total, 4);
    assert_eq!(f.rows.len(), 4);
    let r = &f.rows[0];
    assert_eq!((r.row, r.task, r.quantity), (7, 1, Some(12)));
    assert_eq!(r.role, Some(Role::Lead));
    assert_eq!(r.measure.as_deref(), Some("tin"));
    assert_eq!(r.time_text, "05/2024");
    assert_eq!(r.status, Status::Done);
}

#[test]
fn unit_from_forced_code_title_or_file_name() {
    let f = run_with(
        &table(None, ttud_rows(HEADER)),
        Some("ttud"),
        "x.xlsx",
        &wb(),
    );
    assert_eq!(f.unit.as_deref(), Some("TTUD"));
    let f = run_with(&table(None, ttud_rows(HEADER)), None, "in/TTUD.xlsx", &wb());
    assert_eq!(f.unit.as_deref(), Some("TTUD"));
    // --unit wins over the title block.
    let f = run_with(
        &table(Some("Thanh tra Sở"), ttud_rows(HEADER)),
        Some("TTUD"),
        "x.xlsx",
        &wb(),
    );
    assert_eq!(f.unit.as_deref(), Some("TTUD"));
}

#[test]
fn e004_no_unit_anywhere() {
    let f = run(&table(None, ttud_rows(HEADER)));
    assert_eq!(codes(&f), vec![("E004".into(), "-".into())]);
    assert!(f.unit.is_none() && f.rows.is_empty() && f.has_file_error());
    assert_eq!(
        f.findings[0].kind,
        Kind::UnitUnknown {
            file_stem: "ket-qua".into()
        }
    );
}

#[test]
fn e005_unknown_unit_at_the_title_cell_with_suggestions() {
    let f = run(&table(
        Some("Phòng Quản lý Khoa hoc và Công nghệ"),
        ttud_rows(HEADER),
    ));
    assert!(has(&f, "E005", "A3"), "{:?}", codes(&f));
    let Kind::UnitNotInPlan { suggestions, .. } = &f.findings[0].kind else {
        panic!("{:?}", f.findings[0]);
    };
    assert!(suggestions
        .iter()
        .any(|u| u.code == "QLKH" || u.code == "QLCN"));
    let f = run_with(
        &table(None, ttud_rows(HEADER)),
        Some("XYZ"),
        "TTUD.xlsx",
        &wb(),
    );
    assert!(matches!(
        f.findings[0].kind,
        Kind::ForcedUnitNotInPlan { .. }
    ));
    assert!(f.unit.is_none());
}

#[test]
fn w007_no_data_rows_at_the_header() {
    let f = run(&table(Some("QLKH"), vec![]));
    assert_eq!(codes(&f), vec![("W007".into(), "A6".into())]);
}

#[test]
fn e101_task_empty_and_group_task_used() {
    let f = with_rows(vec![row(
        6,
        ["", "Đăng tin", "1", "tin", "05/2024", "Hoàn thành"],
    )]);
    assert!(has(&f, "E101", "A7"), "{:?}", codes(&f));
    let mut r = row(6, ["", "Đăng tin", "1", "tin", "05/2024", "Hoàn thành"]);
    r.group_task = Some(Located {
        row: 5,
        col: 0,
        value: t("4. Tổ chức tuyên truyền"),
    });
    let f = with_rows(vec![r]);
    assert_eq!(codes(&f), vec![]);
    assert_eq!(f.rows[0].task, 4);
}

#[test]
fn e102_task_not_in_plan_or_no_number() {
    let f = with_rows(vec![good(6, "7"), good(7, "Tổ chức hội nghị")]);
    assert!(
        has(&f, "E102", "A7") && has(&f, "E102", "A8"),
        "{:?}",
        codes(&f)
    );
    assert!(matches!(f.findings[0].kind, Kind::TaskNotInPlan { .. }));
    assert!(matches!(f.findings[1].kind, Kind::TaskNoNumber { .. }));
    assert_eq!(f.rows.len(), 4, "rows in error are left out");
}

#[test]
fn e102_from_a_bad_group_row_is_said_once() {
    let mut a = good(7, "");
    a.cells.remove(&Column::Task);
    a.group_task = Some(Located {
        row: 6,
        col: 0,
        value: t("9. Khác"),
    });
    let mut b = a.clone();
    b.row = 8;
    let f = with_rows(vec![a, b]);
    assert_eq!(codes(&f), vec![("E102".into(), "A7".into())]);
}

#[test]
fn a_heading_without_a_number_is_matched_by_title_or_reported() {
    let under = |heading: &str| {
        let mut a = good(7, "");
        a.cells.remove(&Column::Task);
        a.group_task = Some(Located {
            row: 6,
            col: 1,
            value: t(heading),
        });
        with_rows(vec![a])
    };
    let f = under("Tổ chức tuyên truyền về công tác CCHC 2024 thông qua tổ chức các hoạt động nhân Ngày khoa học và công nghệ Việt Nam 18/5");
    assert_eq!(codes(&f), vec![]);
    let row = f
        .rows
        .iter()
        .find(|r| r.row == 8)
        .expect("the row is included");
    assert_eq!(row.task, 4);
    // A heading that names no task is reported at the heading, and the row is
    // not given to another task.
    let f = under("Nhiệm vụ phối hợp");
    assert_eq!(codes(&f), vec![("E102".into(), "B7".into())]);
    assert!(!f.rows.iter().any(|r| r.row == 8), "the row is left out");
}

#[test]
fn w103_task_not_assigned() {
    let tbl = table(Some("QLKH"), vec![good(6, "5")]);
    let f = run(&tbl);
    assert_eq!(codes(&f), vec![("W103".into(), "A7".into())]);
    assert_eq!(f.rows.len(), 1);
    assert_eq!(f.rows[0].role, None);
}

#[test]
fn e104_quantity_variants() {
    let q = |v: &str| row(6, ["1", "Đăng tin", v, "tin", "05/2024", "Đang thực hiện"]);
    let value = |v: &str| v.to_string();
    for (v, kind) in [
        (
            "12,5",
            Kind::QuantityFractional {
                value: value("12,5"),
            },
        ),
        ("-3", Kind::QuantityNegative { value: value("-3") }),
        (
            "mười",
            Kind::QuantityNotNumber {
                value: value("mười"),
            },
        ),
    ] {
        let f = with_rows(vec![q(v)]);
        assert_eq!(codes(&f), vec![("E104".into(), "C7".into())], "{v}");
        assert_eq!(f.findings[0].kind, kind);
    }
    let f = with_rows(vec![q("1.234")]);
    assert_eq!(f.rows[0].quantity, Some(1234));
}

#[test]
fn e105_status_empty_or_unknown() {
    let f = with_rows(vec![
        row(6, ["1", "a", "1", "tin", "05/2024", ""]),
        row(7, ["1", "b", "1", "tin", "05/2024", "Xong"]),
    ]);
    assert!(
        has(&f, "E105", "F7") && has(&f, "E105", "F8"),
        "{:?}",
        codes(&f)
    );
}

#[test]
fn e106_time_variants() {
    let tm = |v: &str| row(6, ["1", "a", "1", "tin", v, "Hoàn thành"]);
    let value = |v: &str| v.to_string();
    for (v, kind) in [
        ("", Kind::TimeEmpty),
        (
            "hôm qua",
            Kind::TimeUnreadable {
                value: value("hôm qua"),
            },
        ),
        (
            "05/18/2024",
            Kind::TimeMonthFirst {
                value: value("05/18/2024"),
                suggestion: value("18/05/2024"),
            },
        ),
        (
            "Quý V/2024",
            Kind::TimeNotAQuarter {
                value: value("Quý V/2024"),
            },
        ),
        (
            "31/02/2024",
            Kind::TimeNoSuchDate {
                value: value("31/02/2024"),
            },
        ),
        (
            "20/5/2024 - 15/5/2024",
            Kind::TimeReversed {
                value: value("20/5/2024 - 15/5/2024"),
            },
        ),
    ] {
        let f = with_rows(vec![tm(v)]);
        assert_eq!(codes(&f), vec![("E106".into(), "E7".into())], "{v}");
        assert_eq!(f.findings[0].kind, kind, "{v}");
    }
    // A date cell is shown day-first.
    let mut r = tm("x");
    r.cells.insert(
        Column::Time,
        CellValue::Date(NaiveDate::from_ymd_opt(2024, 5, 18).unwrap()),
    );
    let f = with_rows(vec![r]);
    assert_eq!(f.rows[0].time_text, "18/05/2024");
}

#[test]
fn w107_outside_year_and_w108_outside_timeline() {
    let f = with_rows(vec![
        row(6, ["1", "a", "1", "tin", "20/12/2023", "Hoàn thành"]),
        row(7, ["4", "b", "1", "tin", "15/08/2024", "Hoàn thành"]),
        row(8, ["4", "c", "1", "tin", "Quý II/2024", "Hoàn thành"]),
    ]);
    assert_eq!(
        codes(&f)[..2],
        [("W107".into(), "E7".into()), ("W108".into(), "E8".into())]
    );
    assert_eq!(codes(&f).len(), 2);
}

#[test]
fn w109_done_without_quantity() {
    let f = with_rows(vec![
        row(6, ["1", "a", "", "tin", "05/2024", "Hoàn thành"]),
        row(7, ["1", "b", "0", "tin", "05/2024", "HT"]),
        row(8, ["1", "c", "", "", "05/2024", "Đang thực hiện"]),
    ]);
    assert_eq!(
        codes(&f),
        vec![("W109".into(), "C7".into()), ("W109".into(), "C8".into())]
    );
}

#[test]
fn w110_duplicate_at_the_later_rows_activity() {
    let f = with_rows(vec![
        row(
            6,
            ["1", "Đăng tin CCHC", "3", "tin", "05/2024", "Hoàn thành"],
        ),
        row(
            9,
            [
                "1",
                "  đăng TIN cchc ",
                "4",
                "bài",
                "tháng 5/2024",
                "Hoàn thành",
            ],
        ),
    ]);
    assert_eq!(codes(&f), vec![("W110".into(), "B10".into())]);
    assert_eq!(
        f.findings[0].kind,
        Kind::DuplicateRow {
            first_row: 7,
            task: 1
        }
    );
}

#[test]
fn e111_formula_error_at_that_cell() {
    let mut r = good(6, "1");
    r.cells
        .insert(Column::Quantity, CellValue::Error("#REF!".into()));
    let f = with_rows(vec![r]);
    assert_eq!(codes(&f), vec![("E111".into(), "C7".into())]);
    assert_eq!(
        f.findings[0].kind,
        Kind::FormulaError {
            column: Column::Quantity,
            error: "#REF!".into()
        }
    );
    assert_eq!(column_id(Column::Quantity), "quantity");
    assert_eq!(f.rows.len(), 4);
}

#[test]
fn e112_activity_empty() {
    let f = with_rows(vec![row(
        6,
        ["1", " ", "1", "tin", "05/2024", "Hoàn thành"],
    )]);
    assert_eq!(codes(&f), vec![("E112".into(), "B7".into())]);
}

#[test]
fn w113_content_areas() {
    let mut a = good(6, "1");
    a.cells.insert(Column::ContentAreas, t("1, 12"));
    let mut b = good(7, "2");
    b.cells.insert(Column::ContentAreas, t("cải cách"));
    let mut c = good(8, "3");
    c.cells.insert(Column::ContentAreas, t("II.1; 4"));
    let f = with_rows(vec![a, b, c]);
    assert_eq!(
        codes(&f),
        vec![("W113".into(), "G7".into()), ("W113".into(), "G8".into())]
    );
    assert_eq!(f.rows[0].content_areas, vec![1]);
    assert_eq!(f.rows[2].content_areas, vec![1, 4]);
}

#[test]
fn w114_unknown_measure_kept_as_written_and_plan_spelling_otherwise() {
    let f = with_rows(vec![
        row(6, ["1", "a", "1", "cái", "05/2024", "Hoàn thành"]),
        row(7, ["1", "b", "1", "Tin/Bài", "05/2024", "Hoàn thành"]),
    ]);
    assert_eq!(codes(&f), vec![("W114".into(), "D7".into())]);
    assert_eq!(f.rows[0].measure.as_deref(), Some("cái"));
    assert_eq!(f.rows[1].measure.as_deref(), Some("tin/bài"));
}

#[test]
fn e115_quantity_without_measure() {
    let f = with_rows(vec![row(6, ["1", "a", "3", "", "05/2024", "Hoàn thành"])]);
    assert_eq!(codes(&f), vec![("E115".into(), "D7".into())]);
}

#[test]
fn e201_one_per_missing_lead_task_at_file_level() {
    let f = run(&table(Some("TTUD"), vec![good(6, "1"), good(7, "5")]));
    let e201: Vec<_> = f
        .findings
        .iter()
        .filter(|x| x.code() == Code::E201)
        .collect();
    assert_eq!(e201.len(), 3);
    assert!(e201.iter().all(|x| x.cell.is_none()));
    // File-level findings come first.
    assert_eq!(f.findings[0].code(), Code::E201);
    // A row in error still counts as reporting the task.
    let f = run(&table(
        Some("CCTC"),
        vec![row(
            6,
            ["6", "", "1", "cuộc", "Quý IV/2024", "Đang thực hiện"],
        )],
    ));
    assert!(!f.findings.iter().any(|x| x.code() == Code::E201));
}

#[test]
fn w202_late_report_date_at_its_cell() {
    let mut tbl = table(Some("QLKH"), vec![good(6, "1")]);
    tbl.report_date = Some(Located {
        row: 3,
        col: 4,
        value: t("20/11/2024"),
    });
    let f = run(&tbl);
    assert_eq!(codes(&f), vec![("W202".into(), "E4".into())]);
    tbl.report_date = Some(Located {
        row: 3,
        col: 4,
        value: t("ngày 10 tháng 11 năm 2024"),
    });
    let f = run(&tbl);
    assert_eq!(codes(&f), vec![]);
    assert_eq!(f.report_date, NaiveDate::from_ymd_opt(2024, 11, 10));
    tbl.report_date = Some(Located {
        row: 3,
        col: 4,
        value: t("sắp tới"),
    });
    assert_eq!(codes(&run(&tbl)), vec![]);
}

#[test]
fn w203_once_per_file_with_count_and_first_cell() {
    let mut w = wb();
    w.sheets[0].fixes = vec![
        (0, 0, TextFix::Decomposed),
        (7, 1, TextFix::Tcvn3),
        (8, 1, TextFix::Tcvn3),
    ];
    let tbl = table(Some("QLKH"), vec![good(6, "1")]);
    let f = run_with(&tbl, None, "x.xlsx", &w);
    assert_eq!(codes(&f), vec![("W203".into(), "B8".into())]);
    assert_eq!(
        f.findings[0].kind,
        Kind::LegacyText {
            count: 2,
            encoding: Encoding::Tcvn3
        }
    );
    w.sheets[0].fixes = vec![(0, 0, TextFix::Decomposed)];
    let f = run_with(&tbl, None, "x.xlsx", &w);
    assert_eq!(f.findings[0].kind, Kind::DecomposedText { count: 1 });
}

#[test]
fn optional_column_absent_puts_the_finding_at_file_level() {
    let mut tbl = table(Some("QLKH"), vec![good(6, "1")]);
    tbl.columns.remove(&Column::ContentAreas);
    tbl.rows[0].cells.insert(Column::ContentAreas, t("12"));
    let f = run(&tbl);
    assert_eq!(codes(&f), vec![("W113".into(), "-".into())]);
}

#[test]
fn findings_sorted_by_row_then_column() {
    let f = with_rows(vec![
        row(8, ["9", "", "x", "tin", "", ""]),
        row(6, ["1", "a", "1,5", "tin", "05/2024", "Xong"]),
    ]);
    let got = codes(&f);
    let cells: Vec<&str> = got.iter().map(|(_, c)| c.as_str()).collect();
    assert_eq!(cells, ["C7", "F7", "A9", "B9", "C9", "E9", "F9"]);
}

#[test]
fn reader_errors_become_file_findings() {
    let f = read_error_finding(&ReadError::Limit {
        kind: LimitKind::FileSize,
        max: 50 * 1024 * 1024,
        found: 60 * 1024 * 1024,
    });
    assert_eq!(
        f.kind,
        Kind::FileTooLarge {
            limit: 50 * 1024 * 1024,
            found: 60 * 1024 * 1024
        }
    );
    assert_eq!(f.code(), Code::E006);
    assert!(crate::messages::message(&f, Lang::En).contains("over the limit of 50 MB"));
    assert_eq!(read_error_finding(&ReadError::Encrypted).code(), Code::E002);
    let f = read_error_finding(&ReadError::NotSpreadsheet {
        found: crate::read::FileKind::Docx,
    });
    assert_eq!(
        f.kind,
        Kind::NotSpreadsheet {
            found: crate::read::FileKind::Docx
        }
    );
    assert_eq!(f.code(), Code::E001);
}
