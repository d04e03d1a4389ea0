//! `baocao plan`, `baocao explain` and `--help`, run as the real binary.

mod common;

use std::process::Command;

use common::{baocao, stdout};

#[test]
fn plan_text_lists_tasks_units_and_what_each_must_report() {
    let o = baocao(&["plan"]);
    assert_eq!(o.status.code(), Some(0));
    let s = stdout(&o);
    assert!(s.contains("Nhiệm vụ (mục IV)"), "{s}");
    assert!(s.contains("Chủ trì: Phòng Hành chính - Tổng hợp (HCTH); Trung tâm Ứng dụng"));
    assert!(s.contains("Thời gian: Quý II/2024"));
    assert!(s.contains("Hạn các đơn vị gửi kết quả: 15/11/2024"));
    assert!(s.contains("Nội dung tuyên truyền (mục II)"));
    assert!(s.contains("  CCTC — Chi cục Tiêu chuẩn Đo lường Chất lượng\n     Chủ trì (thiếu dòng là lỗi E201): 6\n"), "{s}");
    let en = stdout(&baocao(&["plan", "--lang", "en"]));
    assert!(en.contains("Tasks (section IV)") && en.contains("What each unit must report"));
}

#[test]
fn plan_json_has_tasks_units_and_assignments() {
    let o = baocao(&["plan", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["year"], 2024);
    let tasks = v["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 6);
    assert_eq!(tasks[3]["number"], 4);
    assert_eq!(tasks[3]["lead_units"], serde_json::json!(["HCTH", "TTUD"]));
    assert_eq!(tasks[3]["timeline"]["start"], "2024-04-01");
    assert_eq!(v["units"].as_array().unwrap().len(), 7);
    let a = v["assignments"].as_array().unwrap();
    let ttud = a.iter().find(|x| x["unit"] == "TTUD").unwrap();
    assert_eq!(ttud["lead"], serde_json::json!([1, 2, 3, 4]));
    let qlkh = a.iter().find(|x| x["unit"] == "QLKH").unwrap();
    assert_eq!(qlkh["lead"], serde_json::json!([]));
    assert_eq!(qlkh["coordinating"], serde_json::json!([1, 2, 3, 4]));
}

#[test]
fn explain_in_vietnamese_and_english() {
    let o = baocao(&["explain", "E104"]);
    assert_eq!(o.status.code(), Some(0));
    let s = stdout(&o);
    assert!(s.starts_with("E104 (lỗi)"), "{s}");
    assert!(s.contains("Ví dụ:") && s.contains("Cách sửa:") && s.contains("12,5"));
    let s = stdout(&baocao(&["explain", "e104", "--lang", "en"]));
    assert!(
        s.starts_with("E104 (error)") && s.contains("How to fix:"),
        "{s}"
    );
    let s = stdout(&baocao(&["explain", "W203"]));
    assert!(s.contains("cảnh báo") && s.contains("TCVN3"));
}

#[test]
fn explain_unknown_code_is_exit_2_and_lists_codes() {
    let o = baocao(&["explain", "X999"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let e = String::from_utf8(o.stderr).unwrap();
    assert!(
        e.contains("X999") && e.contains("E001") && e.contains("W304"),
        "{e}"
    );
}

#[test]
fn help_lists_the_commands() {
    let o = baocao(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    let s = stdout(&o);
    for c in ["check", "compile", "template", "plan", "explain", "--lang"] {
        assert!(s.contains(c), "{c}: {s}");
    }
    let s = stdout(&baocao(&["check", "--help"]));
    assert!(s.contains("--unit") && s.contains("--format"));
}

#[test]
fn invalid_plan_is_exit_2() {
    let o = baocao(&["plan", "--plan", "does/not/exist.json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn an_invalid_plan_is_named_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::plan_2024()).unwrap()).unwrap();
    plan["tasks"][3]["timeline"] = "Quý V/2024".into();
    let path = dir.path().join("plan.json");
    std::fs::write(&path, plan.to_string()).unwrap();
    let p = path.to_str().unwrap();
    let vi = baocao(&["plan", "--plan", p]);
    assert_eq!(vi.status.code(), Some(2));
    let err = String::from_utf8_lossy(&vi.stderr);
    assert!(
        err.contains("tasks[3].timeline: \"Quý V/2024\" không phải là một quý"),
        "{err}"
    );
    let en = baocao(&["plan", "--plan", p, "--lang", "en"]);
    let err = String::from_utf8_lossy(&en.stderr);
    assert!(
        err.contains("tasks[3].timeline: \"Quý V/2024\" is not a quarter"),
        "{err}"
    );
}

#[test]
fn the_shipped_plan_is_found_from_any_folder() {
    // A unit runs the program from its own folder: the default plan is looked up
    // beside the executable (target/debug/ → the repository's templates/).
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .args(["plan"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(stdout(&o).contains("Nhiệm vụ (mục IV)"));
    // An explicit plan that does not exist is not searched for: exit 2, named.
    let o = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .current_dir(dir.path())
        .args(["plan", "--plan", "ke-hoach-2025.json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("tệp kế hoạch ke-hoach-2025.json"), "{err}");
}

#[test]
fn help_follows_the_language() {
    let vi = stdout(&baocao(&["check", "--help"]));
    assert!(
        vi.contains("Cách dùng:") && vi.contains("Các tệp biểu kết quả cần kiểm tra"),
        "{vi}"
    );
    let en = stdout(&baocao(&["check", "--help", "--lang", "en"]));
    assert!(
        en.contains("Usage:") && en.contains("The spreadsheets to check"),
        "{en}"
    );
}

#[test]
fn a_plan_that_cannot_be_read_says_why_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("khong-co.json");
    let o = baocao(&["plan", "--plan", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("không có tệp này"), "{err}");
    assert!(!err.contains("os error"), "{err}");
    let o = baocao(&[
        "--lang",
        "en",
        "plan",
        "--plan",
        dir.path().to_str().unwrap(),
    ]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("it is a folder"), "{err}");
}
