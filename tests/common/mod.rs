//! Helpers shared by the integration tests: running the real binary, reading its
//! `check --format json` document, writing unit spreadsheets with rust_xlsxwriter
//! and reading a written report back (`docx`).

// Each test crate uses its own subset of these helpers.
#![allow(dead_code)]

pub mod docx;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rust_xlsxwriter::Workbook;
use serde_json::Value;

/// The crate root (where `input/`, `templates/` and `output/` live).
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The 2024 plan the tests are written against, frozen: next year's
/// `templates/plan.json` must not change what they assert.
pub fn plan_2024() -> PathBuf {
    root().join("tests/fixtures/plan-2024.json")
}

/// Runs the built `baocao` at the crate root, without colour, against the frozen
/// 2024 plan unless the arguments name a plan.
pub fn baocao(args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_baocao"));
    cmd.current_dir(root()).env("NO_COLOR", "1").args(args);
    if !args
        .iter()
        .any(|a| *a == "--plan" || a.starts_with("--plan="))
    {
        cmd.arg("--plan").arg(plan_2024());
    }
    cmd.output().expect("run baocao")
}

/// Standard output of a run, as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// A committed fixture: `tests/fixtures/DIR/NAME`.
pub fn fixture(dir: &str, name: &str) -> PathBuf {
    root().join("tests/fixtures").join(dir).join(name)
}

/// Runs `check --format json` on `paths` plus `extra`; returns the exit code (None
/// if killed) and the parsed document.
pub fn check_json(paths: &[&Path], extra: &[&str]) -> (Option<i32>, Value) {
    let mut args = vec!["check", "--format", "json"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    args.extend_from_slice(extra);
    let o = baocao(&args);
    let v = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: stdout {:?} stderr {}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    (o.status.code(), v)
}

/// (code, cell or "-") of one file's findings (`files[i]` of a check document).
pub fn code_cells<B: FromIterator<(String, String)>>(file: &Value) -> B {
    file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["cell"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect()
}

/// A copy of the shipped samples (all but `skip`) in a fresh folder `in/`.
pub fn samples_copy(skip: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    for p in sample_paths() {
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        if !skip.contains(&name.as_str()) {
            std::fs::copy(&p, input.join(&name)).unwrap();
        }
    }
    (dir, input)
}

/// The shipped samples in `input/` (files, not hidden, not lock files), sorted.
pub fn sample_paths() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("input"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            !n.starts_with('.') && !n.starts_with("~$") && p.is_file()
        })
        .collect();
    v.sort();
    v
}

/// A data row: task, activity, quantity, unit of measure, time, status, content
/// areas, evidence (columns B–I; A is STT). Whole numbers are written as numbers.
pub type Row<'a> = [&'a str; 8];

/// The title in A1 of a unit file.
pub const TITLE: &str = "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CCHC NĂM 2024";

/// The header row of a unit file, columns A–I.
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
    ws.write_string(0, 0, TITLE).unwrap();
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
