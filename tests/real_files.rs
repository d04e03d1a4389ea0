//! Real-world files (issue 11), through the real binary: what Excel and
//! LibreOffice read is read; a pipe never blocks a run; a caught reader panic
//! prints no panic text; exit 2 still gives a JSON document with `--format
//! json`; a killed run's temporary file is cleared by the next run; and the rows
//! of a mixed batch all add up. Fixtures: `tests/fixtures/real/make.py`.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::docx::read_docx;
use common::{baocao, check_json, fixture, plan_2024, root, samples_copy, ttud_rows, xlsx, Row};
use serde_json::Value;

fn real(name: &str) -> PathBuf {
    fixture("real", name)
}

/// Runs `baocao` with the frozen plan, killing it (and failing) after `secs`.
fn baocao_within(args: &[&str], secs: u64) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .current_dir(root())
        .env("NO_COLOR", "1")
        .args(args)
        .arg("--plan")
        .arg(plan_2024())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("baocao {args:?} still running after {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// `compile --partial` of the folder `input` into `out`.
fn compile_partial(input: &Path, out: &Path) -> Output {
    baocao(&[
        "compile",
        "--partial",
        "--input",
        input.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ])
}

fn codes(file: &Value) -> Vec<String> {
    file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

fn first_message(file: &Value) -> String {
    file["findings"][0]["message"].as_str().unwrap().to_string()
}

/// `check --format json` on one file: (exit code, its file entry).
fn check_one(path: &Path, extra: &[&str]) -> (Option<i32>, Value) {
    let (c, v) = check_json(&[path], extra);
    (c, v["files"][0].clone())
}

// ---------------------------------------------------------------------------
// Readable files are read

#[test]
fn files_excel_and_libreoffice_open_are_read() {
    let (_, ttud) = check_one(&root().join("input/TTUD.xlsx"), &[]);
    let ttud_rows = ttud["rows"].as_u64().unwrap();
    assert!(ttud_rows > 0);
    let (_, cctc) = check_one(&root().join("input/CCTC.ods"), &[]);
    let cctc_rows = cctc["rows"].as_u64().unwrap();
    let (_, hcth) = check_one(&root().join("input/HCTH.xls"), &[]);
    let hcth_rows = hcth["rows"].as_u64().unwrap();
    for (name, rows, same_as) in [
        // The workbook part found through `_rels/.rels`, not at xl/workbook.xml.
        ("moved-workbook.xlsx", ttud_rows, &ttud),
        // Every XML part in UTF-16 (little- and big-endian, with a byte-order mark).
        ("utf16-parts.xlsx", ttud_rows, &ttud),
        // A sheet listed without its relationship (ExcelDataReader's
        // `Test_git_issue_68_NullSheetPath.xlsm`): the other sheet is read.
        ("orphan-sheet.xlsx", ttud_rows, &ttud),
        // An .xlsm with an Excel 4.0 macro sheet beside the data sheet.
        ("macro-sheet.xlsm", ttud_rows, &ttud),
        // Entry paths with backslashes (calamine reads them; LibreOffice 7.4 does not).
        ("backslash-paths.xlsx", ttud_rows, &ttud),
        // One styled empty cell at row 150 000, or in column GZ: formatting, not data.
        ("far-row.xlsx", ttud_rows, &ttud),
        ("far-col.xlsx", ttud_rows, &ttud),
        ("far-row.ods", ttud_rows, &ttud),
        // .ods without its `mimetype` entry; .ods indented between cells.
        ("no-mimetype.ods", cctc_rows, &cctc),
        ("spaced.ods", cctc_rows, &cctc),
        // .xls whose last sector is cut short.
        ("short-sector.xls", hcth_rows, &hcth),
    ] {
        let (_, f) = check_one(&real(name), &[]);
        assert_eq!(f["rows"].as_u64(), Some(rows), "{name}: {f}");
        assert_eq!(codes(&f), codes(same_as), "{name}");
        assert_eq!(f["unit"], same_as["unit"], "{name}");
    }
}

#[test]
fn an_excel_95_workbook_is_read() {
    let (_, f) = check_one(&real("excel95.xls"), &[]);
    assert_eq!(f["unit"], "TTUD", "{f}");
    assert_eq!(f["rows"], 1, "{f}");
    assert!(!codes(&f).iter().any(|c| c == "E001"), "{f}");
}

#[test]
fn an_xls_with_an_embedded_word_document_is_read() {
    // A Word document embedded in the workbook (a storage `MBD…` holding a
    // `WordDocument` stream) made the file look like a .doc (E001).
    use std::io::{Read, Write};
    let mut book = Vec::new();
    cfb::open(real("excel95.xls"))
        .unwrap()
        .open_stream("/Book")
        .unwrap()
        .read_to_end(&mut book)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("embedded-word.xls");
    let mut file = cfb::create(&path).unwrap();
    file.create_stream("/Book")
        .unwrap()
        .write_all(&book)
        .unwrap();
    file.create_storage("/MBD0001A2B3").unwrap();
    file.create_stream("/MBD0001A2B3/WordDocument")
        .unwrap()
        .write_all(&[0xEC, 0xA5, 0xC1, 0x00])
        .unwrap();
    file.flush().unwrap();
    drop(file);
    let (_, f) = check_one(&path, &[]);
    assert_eq!(f["unit"], "TTUD", "{f}");
    assert_eq!(f["rows"], 1, "{f}");
    assert!(!codes(&f).iter().any(|c| c == "E001"), "{f}");
}

#[test]
fn a_quattro_code_page_is_read() {
    // CODEPAGE 0x8001 (Windows 1252 as Quattro Pro writes it) was E001. The
    // workbook now opens; its Vietnamese labels, read as Windows 1252, are not
    // a header row, hence E003 (the sheet was read, no table in it).
    let (_, f) = check_one(&real("codepage-8001.xls"), &[]);
    assert_eq!(codes(&f), ["E003"], "{f}");
}

#[test]
fn a_mac_central_european_code_page_is_read() {
    // CODEPAGE 10029 (Mac Central European; PhpSpreadsheet's
    // `maccentraleurope.biff5.xls`) was E001 "damaged": calamine lacks it.
    // Its strings are now decoded by baocao's own table: the sheet name and the
    // task text keep their Czech letters, in check and in the report.
    let path = real("mac-central-european.xls");
    let (_, f) = check_one(&path, &[]);
    assert_eq!(f["unit"], "TTUD", "{f}");
    assert_eq!(f["sheet"], "Výsledky č. 1", "{f}");
    assert_eq!(f["rows"], 1, "{f}");
    assert!(!codes(&f).iter().any(|c| c == "E001"), "{f}");

    let (d, input) = samples_copy(&["TTUD.xlsx"]);
    std::fs::copy(&path, input.join("TTUD.xls")).unwrap();
    let out = d.path().join("r.docx");
    let o = compile_partial(&input, &out);
    assert!(out.exists(), "{}", String::from_utf8_lossy(&o.stderr));
    let xml = common::docx::document_xml(&out);
    assert!(xml.contains("Příliš žluťoučký kůň úpěl ďábelské ódy"));
}

#[test]
fn a_lying_dimensions_record_does_not_abort() {
    // Found by the fuzzer: calamine reserved rows × columns of the record.
    let o = baocao_within(
        &[
            "check",
            "--format",
            "json",
            real("lying-dimensions.xls").to_str().unwrap(),
        ],
        30,
    );
    assert!(o.status.code().is_some(), "killed by a signal");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files"][0]["unit"], "TTUD", "{v}");
    assert_eq!(v["files"][0]["rows"], 1, "{v}");
}

#[test]
fn a_sheet_split_by_a_chart_is_bounded_as_calamine_reads_it() {
    // A1 before an embedded chart substream, GR65536 after it: each half is one
    // cell, but calamine reads the sheet whole (65 536 × 200 cells, 840 MB
    // before the fix; the fuzzer found a 64 GiB case of the kind).
    let (_, f) = check_one(&real("split-sheet.xls"), &[]);
    assert_eq!(codes(&f), ["E006"], "{f}");
    assert!(first_message(&f).contains("13107200"), "{f}");
}

#[test]
fn an_xlsb_workbook_is_read() {
    // The second: its workbook part at `wb/book.bin`, named by `_rels/.rels`.
    for name in ["sample.xlsb", "moved-workbook.xlsb"] {
        let (_, f) = check_one(&real(name), &[]);
        assert_eq!(f["unit"], "TTUD", "{name}: {f}");
        assert_eq!(f["rows"], 1, "{name}: {f}");
        assert!(!codes(&f).iter().any(|c| c == "E001"), "{name}: {f}");
    }
}

#[test]
fn a_caught_reader_panic_prints_no_panic_text() {
    // calamine's .xlsb reader panics on a shared-string index past the table.
    let o = baocao(&[
        "check",
        "--format",
        "json",
        real("panic-sst.xlsb").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.trim().is_empty(), "{stderr}");
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(codes(&v["files"][0]), ["E001"]);
    // Text mode too, and in a batch the other files are still read.
    let o = baocao(&[
        "check",
        real("panic-sst.xlsb").to_str().unwrap(),
        real("sample.xlsb").to_str().unwrap(),
    ]);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
    assert!(String::from_utf8_lossy(&o.stdout).contains("1 dòng dữ liệu"));
}

#[test]
fn an_excel_2_file_says_old_format_not_damaged() {
    let (c, f) = check_one(&real("excel2.xls"), &[]);
    assert_eq!(c, Some(1));
    assert_eq!(codes(&f), ["E001"]);
    let m = first_message(&f);
    assert!(m.contains("Excel cũ 2.x–4.0"), "{m}");
    assert!(!m.contains("hỏng"), "{m}");
    let hint = f["findings"][0]["hint"].as_str().unwrap();
    assert!(hint.contains(".xlsx"), "{hint}");
    let (_, f) = check_one(&real("excel2.xls"), &["--lang", "en"]);
    assert!(first_message(&f).contains("Excel 2.x–4.0"), "{f}");
}

#[cfg(unix)]
#[test]
fn a_gnumeric_file_says_so_not_damaged() {
    let (_, f) = check_one(&real("gnumeric.xls"), &[]);
    assert_eq!(codes(&f), ["E001"], "{f}");
    let m = first_message(&f);
    assert!(m.contains("gzip") && m.contains("Gnumeric"), "{m}");
    assert!(!m.contains("hỏng"), "{m}");
}

#[test]
fn a_file_the_program_may_not_read_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("TTUD.xlsx");
    std::fs::copy(root().join("input/TTUD.xlsx"), &p).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_ok() {
        // Root reads anything: nothing to test here.
        return;
    }
    let (_, f) = check_one(&p, &[]);
    assert_eq!(codes(&f), ["E001"]);
    assert!(first_message(&f).contains("không được phép đọc"), "{f}");
}

// ---------------------------------------------------------------------------
// A pipe never blocks a run

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap().success();
    assert!(ok, "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_spreadsheet_is_refused_without_being_opened() {
    let (d, input) = samples_copy(&[]);
    let pipe = input.join("x.xlsx");
    mkfifo(&pipe);
    // Given by name: E001 with its own message.
    let o = baocao_within(&["check", "--format", "json", pipe.to_str().unwrap()], 20);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = &v["files"][0];
    assert_eq!(codes(f), ["E001"]);
    assert!(
        first_message(f).contains("không phải một tệp thông thường"),
        "{f}"
    );
    // In a folder: W304, for check and compile.
    let o = baocao_within(&["check", "--format", "json", input.to_str().unwrap()], 60);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| !f["path"].as_str().unwrap().ends_with("x.xlsx")),
        "{v}"
    );
    let out = d.path().join("out/r.docx");
    let o = baocao_within(
        &[
            "compile",
            "--format",
            "json",
            "--input",
            input.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
        60,
    );
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let w304: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "W304")
        .collect();
    assert_eq!(w304.len(), 1, "{v}");
    assert!(w304[0]["message"].as_str().unwrap().contains("x.xlsx"));
}

// ---------------------------------------------------------------------------
// Exit 2 with --format json

#[test]
fn exit_2_with_json_prints_the_error_document() {
    let o = baocao(&["check", "--format", "json", "khong-co.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["error"].as_str().unwrap().contains("khong-co.xlsx"),
        "{v}"
    );
    assert_eq!(v["files"], serde_json::json!([]));
    assert_eq!(v["findings"], serde_json::json!([]));
    assert!(v["summary"].is_null());
    assert!(v.get("output").is_none());

    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("khong-co");
    let o = baocao(&[
        "compile",
        "--format",
        "json",
        "--input",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(!v["error"].as_str().unwrap().is_empty());
    assert!(v["summary"].is_null() && v["output"].is_null(), "{v}");
    // Text output stays on stderr only.
    let o = baocao(&["check", "khong-co.xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

#[test]
fn run_errors_about_the_output_are_in_the_users_language() {
    let (_d, input) = samples_copy(&[]);
    let inside = input.join("r.docx");
    let args = |lang: &'static str| {
        vec![
            "compile".to_string(),
            "--input".into(),
            input.to_str().unwrap().into(),
            "--output".into(),
            inside.to_str().unwrap().into(),
            "--lang".into(),
            lang.into(),
        ]
    };
    let run = |lang| {
        let a = args(lang);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let o = baocao(&a);
        assert_eq!(o.status.code(), Some(2));
        String::from_utf8(o.stderr).unwrap()
    };
    let vi = run("vi");
    assert!(
        vi.starts_with("lỗi: ") && vi.contains("nằm ngay trong thư mục đầu vào"),
        "{vi}"
    );
    assert!(!vi.contains("inside"), "{vi}");
    let en = run("en");
    assert!(en.contains("is inside the input folder"), "{en}");
}

// ---------------------------------------------------------------------------
// A killed run's temporary file

#[test]
fn the_next_run_clears_what_a_killed_run_left() {
    let (d, input) = samples_copy(&[]);
    let out_dir = d.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    // What a run killed while writing leaves: pid 99999999 exists nowhere.
    let leftover = out_dir.join(".r.docx.99999999.tmp");
    std::fs::write(&leftover, vec![0u8; 1 << 20]).unwrap();
    let out = out_dir.join("r.docx");
    let o = compile_partial(&input, &out);
    assert!(out.exists(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!leftover.exists());
    let names: Vec<_> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

// ---------------------------------------------------------------------------
// Accounting

#[test]
fn rows_read_are_rows_reported_plus_rows_named_in_errors() {
    let (d, input) = samples_copy(&["TTUD.xlsx"]);
    let mut rows: Vec<Row> = ttud_rows();
    rows.push([
        "1",
        "Số lượng sai",
        "12,5",
        "tin",
        "05/2024",
        "Hoàn thành",
        "",
        "",
    ]);
    // Two errors on one row: counted once.
    rows.push([
        "1",
        "Hai lỗi",
        "-3",
        "tin",
        "Quý V/2024",
        "Hoàn thành",
        "",
        "",
    ]);
    rows.push([
        "",
        "Không có nhiệm vụ",
        "2",
        "tin",
        "05/2024",
        "Hoàn thành",
        "",
        "",
    ]);
    xlsx(&input, "TTUD.xlsx", Some("TT Ứng dụng"), &[], &rows);
    std::fs::copy(real("excel2.xls"), input.join("QLKH-cu.xls")).unwrap();
    std::fs::copy(real("spaced.ods"), input.join("CCTC.ods")).unwrap();
    let out = d.path().join("r.docx");
    let o = baocao(&[
        "compile",
        "--partial",
        "--format",
        "json",
        "--input",
        input.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let read = v["summary"]["rows"].as_u64().unwrap();
    let mut in_error: BTreeSet<(String, u64)> = BTreeSet::new();
    for f in v["files"].as_array().unwrap() {
        let file_error = f["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["severity"] == "error" && x["row"].is_null() && x["code"] != "E201");
        if file_error {
            // A file left out whole names no rows: it must have none read.
            assert_eq!(f["rows"], 0, "{f}");
        }
        for x in f["findings"].as_array().unwrap() {
            if let (true, Some(row)) = (x["severity"] == "error", x["row"].as_u64()) {
                in_error.insert((f["path"].as_str().unwrap().to_string(), row));
            }
        }
    }
    assert_eq!(in_error.len(), 3, "{in_error:?}");
    let doc = read_docx(&out);
    let appendix = doc.tables.last().expect("appendix");
    // Data rows: the header row and the tasks' group rows (one merged cell) dropped.
    let reported = appendix.iter().filter(|r| !r.header && r.len() > 1).count() as u64;
    assert_eq!(reported, v["summary"]["rows_included"].as_u64().unwrap());
    assert_eq!(read, reported + in_error.len() as u64, "{}", v["summary"]);
}
