//! The library API as the server and the page call it: a file given as bytes and a
//! name is checked exactly as the same file on disk.

mod common;

use baocao::api::{
    check_bytes, check_file, check_folder, check_inputs, compile, CompileOptions, Input, Limits,
    Rules, Texts,
};
use baocao::json::Document;
use baocao::messages::Lang;
use baocao::plan::Plan;
use baocao::vocabulary::Vocabulary;
use common::{baocao, plan_2024, sample_paths, samples_copy};

#[test]
fn bytes_and_paths_give_the_same_findings() {
    let plan = Plan::load(&plan_2024()).unwrap();
    let rules = Rules::new(&plan, Vocabulary::shipped());
    let limits = Limits::default();
    let mut paths = sample_paths();
    // Files with planted errors, in each format.
    for entry in std::fs::read_dir(common::root().join("tests/fixtures/check")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e != "fods") {
            paths.push(p);
        }
    }
    paths.sort();
    assert!(paths.len() > 30);
    for path in paths {
        let name = path.file_name().unwrap().to_str().unwrap();
        let on_disk = check_file(&rules, &path, None, &limits);
        let given = check_bytes(&rules, name, std::fs::read(&path).unwrap(), None, &limits);
        assert_eq!(given.unit, on_disk.unit, "{name}");
        assert_eq!(given.findings, on_disk.findings, "{name}");
        let same_path = |rows: &[baocao::check::ResultRow]| {
            let mut rows = rows.to_vec();
            rows.iter_mut()
                .for_each(|r| r.path = std::path::Path::new(name).into());
            rows
        };
        assert_eq!(given.rows, same_path(&on_disk.rows), "{name}");
        let json = |f| {
            let mut v: serde_json::Value =
                serde_json::from_str(&Document::new(&[f], &[], 0, None, Lang::Vi).to_json())
                    .unwrap();
            v["files"][0]["path"] = serde_json::Value::Null;
            v
        };
        assert_eq!(json(given), json(on_disk), "{name}");
    }
}

#[test]
fn bytes_that_are_not_a_spreadsheet_are_e001() {
    let plan = Plan::load(&plan_2024()).unwrap();
    let rules = Rules::new(&plan, Vocabulary::shipped());
    let f = check_bytes(
        &rules,
        "TTUD.xlsx",
        b"%PDF-1.7 not a sheet".to_vec(),
        None,
        &Limits::default(),
    );
    let codes: Vec<String> = f.findings.iter().map(|x| x.code().to_string()).collect();
    assert_eq!(codes, ["E001"]);
}

#[test]
fn a_batch_of_chosen_files_takes_each_files_unit() {
    // The server stores files under names it makes; the unit comes with the file.
    let plan = Plan::load(&plan_2024()).unwrap();
    let rules = Rules::new(&plan, Vocabulary::shipped());
    let dir = tempfile::tempdir().unwrap();
    let mut inputs = Vec::new();
    for path in sample_paths() {
        let probe = check_file(&rules, &path, None, &Limits::default());
        let stored = dir.path().join(format!("{}.bin", inputs.len()));
        std::fs::copy(&path, &stored).unwrap();
        inputs.push(Input {
            path: stored,
            unit: probe.unit.clone(),
        });
    }
    let batch = check_inputs(&rules, &inputs, &Limits::default());
    assert_eq!(batch.files.len(), inputs.len());
    for (f, i) in batch.files.iter().zip(&inputs) {
        assert_eq!(f.unit, i.unit);
    }
    // Every unit of the plan sent its file: no E301/W302.
    let codes: Vec<String> = batch
        .findings
        .iter()
        .map(|x| x.code().to_string())
        .collect();
    assert!(codes.is_empty(), "{codes:?}");
}

#[test]
fn compile_gives_the_bytes_the_command_writes() {
    let plan = Plan::load(&plan_2024()).unwrap();
    let rules = Rules::new(&plan, Vocabulary::shipped());
    let texts = Texts::load(&common::root().join("templates/texts.json")).unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2024, 11, 28);
    let (dir, input) = samples_copy(&[]);
    let batch = check_folder(&rules, &input, &Limits::default(), &|| {}).unwrap();
    let options = CompileOptions {
        partial: false,
        date,
        workbook: true,
    };
    let compiled = compile(&plan, &texts, &batch, &options).unwrap();
    let out = dir.path().join("r.docx");
    let run = baocao(&[
        "compile",
        "--input",
        input.to_str().unwrap(),
        "--date",
        "2024-11-28",
        "--output",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(
        compiled.docx.as_deref(),
        Some(&std::fs::read(&out).unwrap()[..])
    );
    let rows: usize = batch.files.iter().map(|f| f.rows.len()).sum();
    assert_eq!(compiled.rows_included, rows);
}

#[test]
fn compile_is_blocked_by_errors_unless_partial() {
    let plan = Plan::load(&plan_2024()).unwrap();
    let rules = Rules::new(&plan, Vocabulary::shipped());
    let texts = Texts::load(&common::root().join("templates/texts.json")).unwrap();
    let (_dir, input) = samples_copy(&[]);
    std::fs::write(input.join("QLKH-sai.xlsx"), b"not a workbook").unwrap();
    let batch = check_folder(&rules, &input, &Limits::default(), &|| {}).unwrap();
    assert!(batch.errors() > 0);
    let mut options = CompileOptions::default();
    let blocked = compile(&plan, &texts, &batch, &options).unwrap();
    assert_eq!(blocked.docx, None);
    options.partial = true;
    let partial = compile(&plan, &texts, &batch, &options).unwrap();
    let docx = partial.docx.expect("a partial report");
    assert!(docx.starts_with(b"PK"));
    // The damaged file's rows are none; every sample's rows are in.
    assert_eq!(partial.rows_included, blocked.rows_included);
    assert!(partial.rows_included > 0);
}
