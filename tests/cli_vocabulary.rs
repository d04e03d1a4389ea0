//! The office's own vocabulary file (`--vocabulary FILE`, issue 14): words added
//! there are read by `check`, `compile` and the offline page without a rebuild; an
//! invalid file stops the run (exit 2) naming the JSON path of the problem, in the
//! user's language.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{baocao, code_cells, root, stdout, ttud_rows, xlsx};
use rust_xlsxwriter::Workbook;
use serde_json::Value;

/// The shipped vocabulary with one status spelling (`Xong`), one header label
/// (`Tình hình thực hiện`) and one period phrase (`Nửa đầu năm`) added.
fn office_vocabulary(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(root().join("templates/vocabulary.json")).unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    let push = |v: &mut Value, word: &str| v.as_array_mut().unwrap().push(word.into());
    push(&mut v["statuses"]["done"]["spellings"], "Xong");
    push(&mut v["columns"]["status"], "Tình hình thực hiện");
    push(&mut v["periods"]["first_half"], "Nửa đầu năm");
    let path = dir.join("tu-ngu.json");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path
}

/// `TTUD.xlsx` headed with the office's own status label, its statuses written
/// `Xong` and one period `Nửa đầu năm 2024`: E008 (no status column) and E106
/// with the shipped words.
fn own_label_file(dir: &Path) -> PathBuf {
    let header = [
        "TT",
        "Nhiệm vụ",
        "Nội dung thực hiện",
        "Số lượng",
        "Đơn vị tính",
        "Thời gian",
        "Tình hình thực hiện",
    ];
    let rows: [[&str; 7]; 4] = [
        [
            "1",
            "1",
            "Cập nhật mục CCHC",
            "12",
            "tin",
            "Thường xuyên",
            "Xong",
        ],
        ["2", "2", "Đăng tải TTHC", "30", "thủ tục", "Cả năm", "Xong"],
        [
            "3",
            "3",
            "Xuất bản bản tin",
            "4",
            "bản tin",
            "Quý II/2024",
            "Xong",
        ],
        [
            "4",
            "4",
            "Hội nghị đối thoại",
            "1",
            "hội nghị",
            "Nửa đầu năm 2024",
            "Xong",
        ],
    ];
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Đơn vị: TTUD").unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(3 + r as u32, c as u16, *v).unwrap();
        }
    }
    let sub = dir.join("own-label");
    std::fs::create_dir_all(&sub).unwrap();
    let path = sub.join("TTUD.xlsx");
    wb.save(&path).unwrap();
    path
}

/// TTUD's clean rows in the template's layout, the first status written `Xong`:
/// E105 with the shipped words.
fn own_status_file(dir: &Path) -> PathBuf {
    let mut rows = ttud_rows();
    rows[0][5] = "Xong";
    let sub = dir.join("own-status");
    std::fs::create_dir_all(&sub).unwrap();
    xlsx(&sub, "TTUD.xlsx", Some("TTUD"), &[], &rows)
}

fn codes(file: &Value) -> Vec<(String, String)> {
    code_cells(file)
}

fn errors(file: &Value) -> Vec<(String, String)> {
    codes(file)
        .into_iter()
        .filter(|(c, _)| c.starts_with('E'))
        .collect()
}

#[test]
fn words_the_office_adds_make_failing_files_pass() {
    let dir = tempfile::tempdir().unwrap();
    let words = office_vocabulary(dir.path());
    let label = own_label_file(dir.path());
    let status = own_status_file(dir.path());

    // The shipped words: the errors a clerk would be stuck with.
    let (code, v) = common::check_json(&[&label, &status], &[]);
    assert_eq!(code, Some(1));
    let label_errors = errors(&v["files"][0]);
    assert!(
        label_errors.contains(&("E008".into(), "A3".into())),
        "{label_errors:?}"
    );
    assert!(
        label_errors.contains(&("E106".into(), "F7".into())),
        "{label_errors:?}"
    );
    let status_errors = errors(&v["files"][1]);
    assert_eq!(
        status_errors,
        [("E105".to_string(), "G7".to_string())],
        "{status_errors:?}"
    );

    // The office's words, given to the same binary: both files pass, every row in.
    let (code, v) = common::check_json(
        &[&label, &status],
        &["--vocabulary", words.to_str().unwrap()],
    );
    assert_eq!(code, Some(0), "{:?}", v["files"]);
    for f in v["files"].as_array().unwrap() {
        assert_eq!(errors(f), [], "{}", f["path"]);
        assert!(
            !codes(f).iter().any(|(c, _)| c == "W009"),
            "the label is the office's: {:?}",
            codes(f)
        );
        assert_eq!(f["unit"], "TTUD");
    }
    assert_eq!(v["summary"]["rows_included"], 8);
    assert_eq!(v["summary"]["errors"], 0);
}

#[test]
fn compile_reads_with_the_office_vocabulary() {
    let dir = tempfile::tempdir().unwrap();
    let words = office_vocabulary(dir.path());
    let label = own_label_file(dir.path());
    let input = label.parent().unwrap();
    let out = dir.path().join("bao-cao.docx");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "compile",
            "--input",
            input.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
            "--format",
            "json",
            "--partial",
            "--no-workbook",
        ];
        args.extend_from_slice(extra);
        let o = baocao(&args);
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        (o.status.code(), v)
    };
    let (_, shipped) = run(&[]);
    assert_eq!(
        shipped["summary"]["rows_included"], 0,
        "E008 keeps the file out"
    );
    let (_, own) = run(&["--vocabulary", words.to_str().unwrap()]);
    assert_eq!(own["summary"]["rows_included"], 4, "{own}");
    assert!(out.is_file());
}

/// A vocabulary whose `HT` is claimed by `Chưa thực hiện` too.
fn invalid_vocabulary(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(root().join("templates/vocabulary.json")).unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["statuses"]["not_started"]["spellings"]
        .as_array_mut()
        .unwrap()
        .push("HT".into());
    let path = dir.join("sai.json");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path
}

#[test]
fn an_invalid_vocabulary_is_exit_2_naming_the_json_path() {
    let dir = tempfile::tempdir().unwrap();
    let bad = invalid_vocabulary(dir.path());
    let bad = bad.to_str().unwrap();
    let file = root().join("input/TTUD.xlsx");
    let file = file.to_str().unwrap();

    let o = baocao(&["check", file, "--vocabulary", bad]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("tệp từ ngữ") && err.contains("sai.json"),
        "{err}"
    );
    assert!(
        err.contains(
            "statuses.not_started.spellings[1]: \"HT\" đã là cách viết của tình trạng \"done\""
        ),
        "{err}"
    );

    let o = baocao(&["check", file, "--vocabulary", bad, "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("vocabulary file"), "{err}");
    assert!(
        err.contains("statuses.not_started.spellings[1]: \"HT\" is also a spelling of \"done\""),
        "{err}"
    );

    let o = baocao(&["check", file, "--vocabulary", bad, "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let error = v["error"].as_str().unwrap();
    assert!(
        error.contains("statuses.not_started.spellings[1]"),
        "{error}"
    );
    assert_eq!(v["files"], serde_json::json!([]));
    assert!(v["summary"].is_null());

    // Every command that reads spreadsheets or writes the page refuses it.
    for args in [
        vec!["compile", "--input", "input", "--output", "x.docx"],
        vec!["page", "--output", "x.html"],
        vec!["template", "--unit", "TTUD", "--output", "x.xlsx"],
    ] {
        let out_dir = dir.path().to_str().unwrap();
        let args: Vec<String> = args
            .iter()
            .map(|a| {
                if a.starts_with("x.") {
                    format!("{out_dir}/{a}")
                } else {
                    a.to_string()
                }
            })
            .collect();
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        args.extend(["--vocabulary", bad]);
        let o = baocao(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stdout(&o));
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(
            err.contains("statuses.not_started.spellings[1]"),
            "{args:?}: {err}"
        );
    }

    // A missing file is named too.
    let o = baocao(&["check", file, "--vocabulary", "khong-co.json"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("khong-co.json") && err.contains("không có tệp này"),
        "{err}"
    );
}

fn node() -> Option<&'static str> {
    ["node", "nodejs"].into_iter().find(|n| {
        Command::new(n)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// The page's checker under node (`tests/page/check.js`): one answer per file.
fn page_answers(page: &Path, files: &[&Path]) -> Vec<Value> {
    let node = node().unwrap();
    let o = Command::new(node)
        .current_dir(root())
        .arg("tests/page/check.js")
        .arg(page)
        .args(files)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "node: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["answer"].clone())
        .collect()
}

#[test]
fn the_page_embeds_the_office_vocabulary() {
    let dir = tempfile::tempdir().unwrap();
    let words = office_vocabulary(dir.path());
    let label = own_label_file(dir.path());
    let status = own_status_file(dir.path());
    let shipped_page = dir.path().join("shipped.html");
    let own_page = dir.path().join("own.html");
    for (page, extra) in [
        (&shipped_page, vec![]),
        (&own_page, vec!["--vocabulary", words.to_str().unwrap()]),
    ] {
        let mut args = vec!["page", "--output", page.to_str().unwrap()];
        args.extend(extra);
        let o = baocao(&args);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let html = std::fs::read_to_string(&own_page).unwrap();
    assert!(html.contains("Tình hình thực hiện") && html.contains("Nửa đầu năm"));

    let Some(_) = node() else {
        assert!(
            std::env::var("BAOCAO_PAGE_TESTS").as_deref() != Ok("require"),
            "node is required (BAOCAO_PAGE_TESTS=require) but not found"
        );
        eprintln!("skipped: no node to run the page's module");
        return;
    };
    let files = [label.as_path(), status.as_path()];
    let shipped = page_answers(&shipped_page, &files);
    let own = page_answers(&own_page, &files);
    let file = |a: &Value| a["document"]["files"][0].clone();
    assert!(errors(&file(&shipped[0])).contains(&("E008".into(), "A3".into())));
    assert!(errors(&file(&shipped[0])).contains(&("E106".into(), "F7".into())));
    assert_eq!(
        errors(&file(&shipped[1])),
        [("E105".to_string(), "G7".to_string())]
    );
    for a in &own {
        assert_eq!(errors(&file(a)), [], "{a}");
        assert_eq!(a["document"]["summary"]["errors"], 0);
    }
    // The page and the command line agree with the office's words too.
    let (_, cli) = common::check_json(&files, &["--vocabulary", words.to_str().unwrap()]);
    for (i, a) in own.iter().enumerate() {
        assert_eq!(
            codes(&file(a)),
            codes(&cli["files"][i]),
            "{}",
            files[i].display()
        );
    }
}

/// `shared/spec/input-spreadsheet.md`, *A column known by its values*: a unit of
/// measure the plan adds (not in the vocabulary) still tells its column.
#[test]
fn a_unit_of_measure_the_plan_adds_tells_its_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::plan_2024()).unwrap();
    let mut plan: Value = serde_json::from_str(&text).unwrap();
    plan["units_of_measure"]
        .as_array_mut()
        .unwrap()
        .push("trang".into());
    let plan_path = dir.path().join("ke-hoach.json");
    std::fs::write(&plan_path, plan.to_string()).unwrap();

    let header = [
        "TT",
        "Nhiệm vụ",
        "Nội dung thực hiện",
        "Số lượng",
        "Cách tính",
        "Thời gian",
        "Tình trạng",
    ];
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Đơn vị: TTUD").unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for task in 1..=4u32 {
        let r = 2 + task;
        let row = [
            task.to_string(),
            task.to_string(),
            format!("Biên soạn tài liệu {task}"),
            "12".to_string(),
            "Trang".to_string(),
            "Quý II/2024".to_string(),
            "Hoàn thành".to_string(),
        ];
        for (c, v) in row.iter().enumerate() {
            ws.write_string(r, c as u16, v).unwrap();
        }
    }
    let path = dir.path().join("TTUD.xlsx");
    wb.save(&path).unwrap();

    let plan_arg = plan_path.to_str().unwrap();
    let (code, v) = common::check_json(&[&path], &["--plan", plan_arg]);
    let f = codes(&v["files"][0]);
    assert_eq!(code, Some(0), "{f:?}");
    assert!(f.contains(&("W009".into(), "E3".into())), "{f:?}");
    assert_eq!(v["summary"]["rows_included"], 4);

    // Without it in the plan, the column is not one: E008.
    let (code, v) = common::check_json(&[&path], &[]);
    assert_eq!(code, Some(1));
    let f = codes(&v["files"][0]);
    assert!(f.contains(&("E008".into(), "A3".into())), "{f:?}");
}
