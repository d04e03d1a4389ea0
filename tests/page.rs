//! The offline page (`baocao page`): written byte-identical for the same plan, and
//! its WebAssembly checker — run under node from the written page, with the page's
//! own script, module and plan — gives the same findings as `baocao check` for every
//! fixture of the suite (`unit`, `sheet`, `rows`, `findings`, `summary`; not `path`).
//!
//! Needs `node`; without it the module test says so and passes, unless
//! `BAOCAO_PAGE_TESTS=require` (CI) makes that a failure. The browser end-to-end test
//! is `tests/page/browser.py` (`.ci/run`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{baocao, root};
use serde_json::Value;

fn write_page(dir: &Path, name: &str) -> PathBuf {
    let out = dir.join(name);
    let o = baocao(&["page", "--output", out.to_str().unwrap()]);
    assert!(
        o.status.success(),
        "baocao page failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    out
}

#[test]
fn the_page_is_self_contained_and_the_same_for_the_same_plan() {
    let dir = tempfile::tempdir().unwrap();
    let a = std::fs::read(write_page(dir.path(), "a.html")).unwrap();
    let b = std::fs::read(write_page(dir.path(), "b.html")).unwrap();
    assert!(a == b, "two pages for the same plan differ");
    let html = String::from_utf8(a).unwrap();
    assert!(html.len() < 5_000_000, "page is {} bytes", html.len());
    assert!(html.contains("Kiểm tra biểu kết quả tuyên truyền CCHC năm 2024"));
    // Nothing is fetched: no external script, style, image or frame.
    for needle in [
        "src=\"http",
        "href=\"http",
        "src=\"//",
        "url(http",
        "@import",
    ] {
        assert!(!html.contains(needle), "page refers to {needle}");
    }
    assert!(html.contains("default-src 'none'"));
}

#[test]
fn the_default_page_is_named_for_the_year() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .current_dir(dir.path())
        .args(["page", "--plan"])
        .arg(common::plan_2024())
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(dir.path().join("output/kiem-tra-bieu-2024.html").is_file());
    let said = String::from_utf8(o.stdout).unwrap();
    assert!(said.contains("kiem-tra-bieu-2024.html"), "{said}");
    assert!(said.contains("không cần mạng"), "{said}");
}

fn node() -> Option<&'static str> {
    ["node", "nodejs"].into_iter().find(|n| {
        Command::new(n)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Every spreadsheet-like fixture of the suite: `tests/fixtures/**` and `input/*`
/// (not the plan, nor the scripts that made the fixtures).
fn fixtures() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if !matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("json" | "py" | "rs" | "sh" | "md" | "txt")
            ) {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("tests/fixtures"), &mut out);
    walk(&root().join("input"), &mut out);
    out
}

fn without_path(file: &Value) -> Value {
    let mut f = file.clone();
    f.as_object_mut().unwrap().remove("path");
    f
}

#[test]
fn the_module_finds_what_check_finds_for_every_fixture() {
    let Some(node) = node() else {
        assert!(
            std::env::var("BAOCAO_PAGE_TESTS").as_deref() != Ok("require"),
            "node is required (BAOCAO_PAGE_TESTS=require) but not found"
        );
        eprintln!("skipped: no node to run the page's module");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = write_page(dir.path(), "page.html");
    let files = fixtures();
    assert!(files.len() > 40, "fixtures: {}", files.len());

    let mut args = vec!["check", "--format", "json"];
    let rel: Vec<String> = files
        .iter()
        .map(|p| p.strip_prefix(root()).unwrap().display().to_string())
        .collect();
    args.extend(rel.iter().map(String::as_str));
    let cli: Value = serde_json::from_slice(&baocao(&args).stdout).unwrap();
    let cli_files = cli["files"].as_array().unwrap();
    assert_eq!(cli_files.len(), files.len());

    let o = Command::new(node)
        .current_dir(root())
        .arg("tests/page/check.js")
        .arg(&page)
        .args(&rel)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "node: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let lines: Vec<Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), files.len());

    let mut codes = std::collections::BTreeSet::new();
    for ((line, cli_file), name) in lines.iter().zip(cli_files).zip(&rel) {
        let doc = &line["answer"]["document"];
        // A reader that panics aborts the module (no unwinding in the browser): the
        // page reloads it and reports E001, as the command line reports the panic.
        if !line["answer"]["aborted"].is_null() {
            eprintln!("{name}: the module aborted and was reloaded");
        }
        let page_file = &doc["files"][0];
        assert_eq!(
            without_path(page_file),
            without_path(cli_file),
            "{name}: page and CLI differ"
        );
        let alone = crate::common::check_json(&[&root().join(name)], &[]).1;
        assert_eq!(doc["summary"], alone["summary"], "{name}: summary differs");
        for f in page_file["findings"].as_array().unwrap() {
            codes.insert(f["code"].as_str().unwrap().to_string());
        }
    }
    // The fixtures reach the readers' failures as well as the table's findings.
    for code in ["E001", "E104"] {
        assert!(codes.contains(code), "no fixture gave {code}: {codes:?}");
    }
}

#[test]
fn a_module_that_aborts_is_reloaded_and_gives_e001() {
    let Some(node) = node() else {
        assert!(
            std::env::var("BAOCAO_PAGE_TESTS").as_deref() != Ok("require"),
            "node is required (BAOCAO_PAGE_TESTS=require) but not found"
        );
        eprintln!("skipped: no node to run the page's module");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = write_page(dir.path(), "page.html");
    let clean = "input/TTUD.xlsx";
    let o = Command::new(node)
        .current_dir(root())
        .arg("tests/page/check.js")
        .arg(&page)
        .args([":abort:", clean])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines: Vec<Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let aborted = &lines[0]["answer"];
    assert!(
        aborted["aborted"]
            .as_str()
            .unwrap()
            .contains("RuntimeError"),
        "{aborted}"
    );
    let f = &aborted["document"]["files"][0];
    assert_eq!(f["findings"][0]["code"], "E001");
    assert_eq!(f["findings"].as_array().unwrap().len(), 1);
    assert!(f["findings"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("Không đọc được tệp này"));
    // The next file is checked by a fresh instance, as if nothing had happened.
    let next = &lines[1]["answer"]["document"];
    assert_eq!(next["summary"]["errors"], 0, "{next}");
    assert_eq!(next["files"][0]["unit"], "TTUD");
}
