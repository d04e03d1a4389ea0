//! `baocao compile` end to end: the real binary on the shipped samples and on
//! folders built here (missing units, a unit claimed twice, strays, rows and files
//! in error, `--partial`), the report read back from the .docx, the JSON document,
//! determinism and the safety of the output path.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::{Data, Reader};
use common::docx::{read_docx, Doc, Row as DocRow};
use common::{baocao, sample_paths, samples_copy, stdout, ttud_rows, xlsx, Row};
use serde_json::Value;

// ---------------------------------------------------------------------------
// Running compile

fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

/// `compile --input DIR --output OUT` plus `extra`.
fn compile(input: &Path, output: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "compile",
        "--input",
        input.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    baocao(&args)
}

/// `compile --format json`: exit code and the document.
fn compile_json(input: &Path, output: &Path, extra: &[&str]) -> (i32, Value) {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let o = compile(input, output, &args);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: stdout {} stderr {}",
            stdout(&o),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    (code(&o), v)
}

/// Codes of the top-level (batch) findings.
fn batch_codes(v: &Value) -> Vec<String> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect()
}

/// Every finding code of the document, files and batch.
fn all_codes(v: &Value) -> Vec<String> {
    let mut out = batch_codes(v);
    for f in v["files"].as_array().unwrap() {
        for x in f["findings"].as_array().unwrap() {
            out.push(x["code"].as_str().unwrap().to_string());
        }
    }
    out
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

// ---------------------------------------------------------------------------
// The report read back

// The compile tests' own views of the document (an inherent impl on the shared
// type: `common` is a module of this test crate).
impl Doc {
    /// The appendix table: the last one; its data rows (header row and the
    /// tasks' group rows dropped).
    fn appendix_rows(&self) -> Vec<&DocRow> {
        let t = self.tables.last().expect("an appendix table");
        assert_eq!(t[0][0], "STT", "appendix header {:?}", t[0]);
        t[1..].iter().filter(|r| r.len() > 1).collect()
    }

    /// The appendix's group rows (`Nhiệm vụ 1: …`), in order.
    fn appendix_groups(&self) -> Vec<&str> {
        let t = self.tables.last().expect("an appendix table");
        t[1..]
            .iter()
            .filter(|r| r.len() == 1)
            .map(|r| r[0].as_str())
            .collect()
    }

    /// Every text of the document: paragraphs and table cells.
    fn all_text(&self) -> String {
        let mut s = self.paragraphs.join("\n");
        for t in &self.tables {
            for r in t {
                for c in r {
                    s.push('\n');
                    s.push_str(c);
                }
            }
        }
        s
    }

    fn appendix_activities(&self) -> Vec<String> {
        self.appendix_rows().iter().map(|r| r[3].clone()).collect()
    }
}

/// `1234` → `1.234`, as the report writes numbers.
fn vn(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

// ---------------------------------------------------------------------------
// The plan and the samples, read independently of the program

fn plan_json() -> Value {
    serde_json::from_str(&std::fs::read_to_string(common::plan_2024()).unwrap()).unwrap()
}

/// A data row of a sample, as read here with calamine.
#[derive(Debug, Clone)]
struct SampleRow {
    task: u32,
    activity: String,
    quantity: u64,
    measure: String,
}

fn text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        other => other.to_string().trim().to_string(),
    }
}

/// A quantity cell: a number, or text with `.` as thousands separator.
fn quantity(d: &Data) -> Option<u64> {
    match d {
        Data::Int(i) => u64::try_from(*i).ok(),
        Data::Float(f) if f.fract() == 0.0 && *f >= 0.0 => Some(*f as u64),
        Data::String(s) => s.trim().replace('.', "").parse().ok(),
        _ => None,
    }
}

/// The task number in a task cell: `1`, `NV6`, `Nhiệm vụ 1`, `1. Duy trì …`.
fn task_number(s: &str) -> Option<u32> {
    let digits: String = s
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Reads every data row of a sample with a plain rule that fits the shipped
/// shapes: a row is a data row when one of its cells is a unit of measure of the
/// plan and the cell to its left a quantity; the activity is left of the quantity
/// and the task left of the activity, or, when that is empty, the last group row
/// (`1. …` alone on its row).
fn read_sample(path: &Path, measures: &[String]) -> Vec<SampleRow> {
    let mut wb = calamine::open_workbook_auto(path).unwrap();
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).unwrap();
        let mut group: Option<u32> = None;
        for cells in range.rows() {
            let texts: Vec<String> = cells.iter().map(text).collect();
            let m = texts.iter().enumerate().position(|(i, t)| {
                i >= 2
                    && measures.iter().any(|m| m.eq_ignore_ascii_case(t))
                    && quantity(&cells[i - 1]).is_some()
            });
            match m {
                Some(i) => {
                    let task = task_number(&texts[i - 3])
                        .or(group)
                        .unwrap_or_else(|| panic!("{}: no task for {texts:?}", path.display()));
                    out.push(SampleRow {
                        task,
                        activity: texts[i - 2].clone(),
                        quantity: quantity(&cells[i - 1]).unwrap(),
                        measure: texts[i].clone(),
                    });
                }
                None => {
                    let filled: Vec<&String> = texts.iter().filter(|t| !t.is_empty()).collect();
                    if filled.len() == 1 {
                        let t = filled[0];
                        if let Some((n, rest)) = t.split_once(". ") {
                            if let Ok(n) = n.trim().parse::<u32>() {
                                if !rest.is_empty() {
                                    group = Some(n);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

fn sample_rows() -> BTreeMap<PathBuf, Vec<SampleRow>> {
    let plan = plan_json();
    let measures: Vec<String> = plan["units_of_measure"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap().to_string())
        .collect();
    sample_paths()
        .into_iter()
        .map(|p| {
            let rows = read_sample(&p, &measures);
            (p, rows)
        })
        .collect()
}

// ---------------------------------------------------------------------------
// 1. The shipped samples

#[test]
fn samples_compile_into_the_expected_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.docx");
    let o = baocao(&[
        "compile",
        "--input",
        "input",
        "--output",
        out.to_str().unwrap(),
        "--date",
        "2024-11-28",
    ]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let doc = read_docx(&out);

    // Header block.
    let header = &doc.tables[0];
    assert_eq!(
        header[0][0],
        "UBND TỈNH QUẢNG NGÃI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ"
    );
    assert_eq!(
        header[0][1],
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    );
    assert!(
        header[1][0].starts_with("Số:") && header[1][0].ends_with("/BC-SKHCN"),
        "{:?}",
        header[1][0]
    );
    assert_eq!(header[1][1], "Quảng Ngãi, ngày 28 tháng 11 năm 2024");
    assert_eq!(doc.paragraphs[0], "BÁO CÁO");

    // Page set-up and fonts.
    let xml = &doc.xml;
    let sect = &xml[xml.find("<w:sectPr>").expect("a section")..];
    assert!(
        sect.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#),
        "A4 portrait"
    );
    // top 20 mm, right 15 mm, bottom 20 mm, left 30 mm.
    assert!(
        sect.contains(r#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#),
        "margins"
    );
    let fonts = r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>"#;
    assert!(xml.contains(fonts));
    assert!(!xml.contains("Arial") && !xml.contains("Calibri"));

    // Every task of the plan has its part `a)`, `b)`, … of II.1, in order.
    let plan = plan_json();
    let tasks = plan["tasks"].as_array().unwrap();
    let heading_at: Vec<usize> = tasks
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let letter = (b'a' + k as u8) as char;
            let h = format!("{letter}) {}", t["title"].as_str().unwrap());
            doc.paragraphs
                .iter()
                .position(|p| *p == h)
                .unwrap_or_else(|| panic!("no heading {h:?}"))
        })
        .collect();
    assert!(heading_at.windows(2).all(|w| w[0] < w[1]));
    for h in [
        "II. KẾT QUẢ THỰC HIỆN",
        "1. Kết quả thực hiện các nhiệm vụ của Kế hoạch",
        "2. Kết quả theo nội dung tuyên truyền",
        "2. Tồn tại, hạn chế và nguyên nhân",
    ] {
        assert!(doc.paragraphs.iter().any(|p| p == h), "no heading {h:?}");
    }

    // Each row's figure is written with the unit's own words in its task's
    // part: `(121 tin, bài)`, below ten with a leading zero (`(02 lớp)`).
    let samples = sample_rows();
    let all: Vec<&SampleRow> = samples.values().flatten().collect();
    let after_tasks = doc.paragraphs[*heading_at.last().unwrap()..]
        .iter()
        .position(|p| p.starts_with("Kết quả thực hiện các nhiệm vụ được tổng hợp"))
        .map(|i| i + heading_at.last().unwrap())
        .expect("the summary after the tasks");
    for (k, t) in tasks.iter().enumerate() {
        let n = t["number"].as_u64().unwrap() as u32;
        let end = heading_at.get(k + 1).copied().unwrap_or(after_tasks);
        let section = doc.paragraphs[heading_at[k]..end].join("\n");
        assert!(!section.contains("hoạt động ("), "no row counts: {section}");
        for r in all.iter().filter(|r| r.task == n) {
            let word = r.measure.split(['/', ' ']).next().unwrap();
            let q = if r.quantity < 10 {
                format!("0{}", r.quantity)
            } else {
                vn(r.quantity)
            };
            let phrase = format!("({q} {word}");
            assert!(
                section.contains(&phrase),
                "task {n}: {phrase:?} in {section}"
            );
        }
    }
    // A thousands figure is written Vietnamese style.
    let big = all.iter().map(|r| r.quantity).max().unwrap();
    assert!(big >= 1000);
    assert!(doc.all_text().contains(&vn(big)));

    // No figure counted twice: task 2's procedures are the lead unit's (TTUD),
    // not the lead's plus the coordinating units' work on the same procedures.
    let lead_tthc: u64 = samples_of("TTUD.xlsx")
        .iter()
        .filter(|r| r.task == 2 && r.measure == "thủ tục")
        .map(|r| r.quantity)
        .sum();
    let all_tthc: u64 = all
        .iter()
        .filter(|r| r.task == 2 && r.measure == "thủ tục")
        .map(|r| r.quantity)
        .sum();
    assert!(all_tthc > lead_tthc, "the samples have contributions");
    let summary = doc
        .tables
        .iter()
        .find(|t| t[0][0] == "STT" && t[0].len() == 6)
        .expect("the summary table");
    assert!(
        summary[2][4].contains(&format!("{lead_tthc} thủ tục")),
        "{:?}",
        summary[2]
    );
    assert!(!doc.all_text().contains(&format!("{all_tthc} thủ tục")));
    // Status never overstated: task 3's lead still edits a newsletter.
    assert_eq!(summary[3][5], "Đang thực hiện (đúng tiến độ)");
    assert!(doc
        .paragraphs
        .iter()
        .any(|p| p.starts_with("Đã hoàn thành 04/06 nhiệm vụ")));

    // No unit code, no file name in the official text (a document number
    // such as `98/SKHCN-HCTH` in an evidence cell is not a unit code).
    let text = doc.all_text();
    // Short names are the plan's (`Phòng QLKH` is how the office shortens it).
    let short_names: Vec<&str> = plan["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["short_name"].as_str().unwrap())
        .collect();
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| *l != "- Lưu: VT, HCTH." && !short_names.contains(l))
        .collect();
    for code in ["HCTH", "TTUD", "QLTC", "CCTC", "TTRA", "QLKH", "QLCN"] {
        let hits: Vec<&&str> = lines
            .iter()
            .filter(|l| {
                l.match_indices(code)
                    .any(|(i, _)| !l[..i].ends_with(['-', '/']))
            })
            .collect();
        assert!(hits.is_empty(), "{code:?} in {hits:?}");
    }
    for name in [".xlsx", ".xls", ".ods"] {
        assert!(!text.contains(name), "{name:?} in the report");
    }
    // The units' proposals to the Director are not the Department's to UBND.
    assert!(!text.contains("Đề nghị Sở bố trí kinh phí"));
    // The reporting paragraph and the closing sentence.
    assert!(doc.paragraphs.iter().any(|p| p.starts_with(
        "Số liệu trong báo cáo được tổng hợp đến ngày 15/11/2024; 06/07 phòng, đơn vị gửi báo cáo đúng thời hạn. \
         Thanh tra Sở (ngày 18/11/2024) gửi báo cáo sau thời hạn."
    )));
    assert!(doc
        .paragraphs
        .iter()
        .any(|p| p.starts_with("Trên đây là báo cáo") && p.ends_with("tổng hợp./.")));
    // Abbreviations are spelled out at first use.
    assert!(text.contains("cải cách hành chính (CCHC)"));
    // The appendix is grouped by task.
    assert_eq!(doc.appendix_groups().len(), tasks.len());
    assert!(doc.appendix_groups()[0].starts_with("Nhiệm vụ 1: "));

    // Every sample row once in the appendix, and the appendix is rows_included.
    let mut expected: Vec<String> = all.iter().map(|r| r.activity.clone()).collect();
    let mut got = doc.appendix_activities();
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
    let (c, v) = compile_json(
        Path::new("input"),
        &dir.path().join("r2.docx"),
        &["--date", "2024-11-28"],
    );
    assert_eq!(c, 0);
    assert_eq!(v["summary"]["rows"].as_u64(), Some(all.len() as u64));
    assert_eq!(
        v["summary"]["rows_included"].as_u64(),
        Some(doc.appendix_rows().len() as u64)
    );

    // Nơi nhận: the distribution list, one line each.
    let end = doc
        .tables
        .iter()
        .flatten()
        .flatten()
        .find(|c| c.starts_with("Nơi nhận:"))
        .expect("the end block");
    let lines: Vec<&str> = end.lines().collect();
    assert_eq!(
        lines,
        [
            "Nơi nhận:",
            "- UBND tỉnh (b/cáo);",
            "- Sở Thông tin và Truyền thông;",
            "- Sở Nội vụ;",
            "- GĐ, các PGĐ Sở;",
            "- Lưu: VT, HCTH."
        ]
    );
}

#[test]
fn the_date_line_follows_date() {
    let dir = tempfile::tempdir().unwrap();
    let date_line = |extra: &[&str], name: &str| {
        let out = dir.path().join(name);
        let o = compile(Path::new("input"), &out, extra);
        assert_eq!(code(&o), 0, "{}", stdout(&o));
        read_docx(&out).tables[0][1][1].clone()
    };
    assert_eq!(
        date_line(&["--date", "2024-01-05"], "jan.docx"),
        "Quảng Ngãi, ngày 05 tháng 01 năm 2024"
    );
    let blank = date_line(&[], "blank.docx");
    let day = blank
        .strip_prefix("Quảng Ngãi, ngày ")
        .and_then(|s| s.strip_suffix(" tháng 11 năm 2024"))
        .unwrap_or_else(|| panic!("{blank:?}"));
    assert!(
        day.chars()
            .all(|c| c.is_whitespace() || c == '.' || c == '…'),
        "the day is left blank: {blank:?}"
    );
}

/// Units write times many ways (`15/3/2024`, `tháng 07/2024`, `quý 2/2024`,
/// `6 tháng đầu năm`); the appendix writes them in one style.
#[test]
fn appendix_times_are_in_one_style() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.docx");
    let o = compile(Path::new("input"), &out, &["--date", "2024-11-28"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    let doc = read_docx(&out);
    let dmy = |s: &str| {
        let b = s.as_bytes();
        s.len() == 10
            && b[2] == b'/'
            && b[5] == b'/'
            && s.chars().filter(char::is_ascii_digit).count() == 8
    };
    let roman = |s: &str| !s.is_empty() && s.chars().all(|c| "IV".contains(c));
    let year = |s: &str| s.len() == 4 && s.chars().all(|c| c.is_ascii_digit());
    let one_style = |t: &str| {
        if t == "Thường xuyên" || dmy(t) {
            return true;
        }
        if let Some((a, b)) = t.split_once(" - ") {
            if dmy(a) && dmy(b) {
                return true;
            }
        }
        if let Some(y) = t.strip_prefix("Năm ") {
            return year(y);
        }
        if let Some((m, y)) = t.strip_prefix("Tháng ").and_then(|r| r.split_once('/')) {
            return year(y) && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m));
        }
        if let Some((q, y)) = t.strip_prefix("Quý ").and_then(|r| r.split_once('/')) {
            let q_ok = match q.split_once(" - ") {
                Some((a, b)) => roman(a) && roman(b),
                None => roman(q),
            };
            return q_ok && year(y);
        }
        false
    };
    let times: Vec<&String> = doc.appendix_rows().iter().map(|r| &r[6]).collect();
    assert!(times.len() > 40);
    for t in times {
        assert!(one_style(t), "{t:?}");
    }
}

#[test]
fn the_opening_cites_the_plan_number_from_the_plan_file() {
    let dir = tempfile::tempdir().unwrap();
    // The frozen plan has no number: `…` stays and compile says so.
    let out = dir.path().join("blank.docx");
    let o = compile(Path::new("input"), &out, &["--date", "2024-11-28"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).contains("Lưu ý: tệp kế hoạch chưa có số, ký hiệu hoặc ngày ban hành"));
    let text = read_docx(&out).paragraphs.join("\n");
    assert!(
        text.contains("và Kế hoạch số …/KH-SKHCN ngày …/…/2024 của Sở"),
        "{text}"
    );

    let mut plan = plan_json();
    plan["number"] = "25/KH-SKHCN".into();
    plan["issued"] = "2024-02-05".into();
    let plan_path = dir.path().join("plan.json");
    std::fs::write(&plan_path, plan.to_string()).unwrap();
    let out = dir.path().join("numbered.docx");
    let o = compile(
        Path::new("input"),
        &out,
        &[
            "--date",
            "2024-11-28",
            "--plan",
            plan_path.to_str().unwrap(),
        ],
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(
        !stdout(&o).contains("Lưu ý: tệp kế hoạch"),
        "{}",
        stdout(&o)
    );
    let text = read_docx(&out).paragraphs.join("\n");
    assert!(
        text.contains("và Kế hoạch số 25/KH-SKHCN ngày 05/02/2024 của Sở"),
        "{text}"
    );
}

// ---------------------------------------------------------------------------
// 2. JSON

#[test]
fn json_document_has_the_contract_fields() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.docx");
    let o = compile(Path::new("input"), &out, &["--format", "json"]);
    assert_eq!(code(&o), 0);
    let v: Value = serde_json::from_slice(&o.stdout).expect("stdout is one JSON document");
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        keys(&v),
        ["files", "findings", "summary", "output", "workbook"]
    );
    assert_eq!(
        keys(&v["summary"]),
        ["files", "rows", "rows_included", "errors", "warnings"]
    );
    assert_eq!(v["output"].as_str(), Some(out.to_str().unwrap()));
    assert!(out.is_file());
    let s = &v["summary"];
    assert_eq!(s["files"].as_u64(), Some(sample_paths().len() as u64));
    assert_eq!(s["errors"], 0);
    assert_eq!(s["rows_included"], s["rows"]);
    assert_eq!(v["files"].as_array().unwrap().len(), sample_paths().len());
    assert_eq!(all_codes(&v), ["W202"]);

    // Blocked: output null, nothing written.
    let (_d, input) = samples_copy(&["CCTC.ods"]);
    let out = dir.path().join("blocked.docx");
    let (c, v) = compile_json(&input, &out, &[]);
    assert_eq!(c, 1);
    assert_eq!(
        keys(&v),
        ["files", "findings", "summary", "output", "workbook"]
    );
    assert!(v["output"].is_null() && v["workbook"].is_null());
    assert!(!out.exists() && !out.with_extension("xlsx").exists());
}

// ---------------------------------------------------------------------------
// 3. Missing units

#[test]
fn a_missing_lead_unit_blocks_e301() {
    let (d, input) = samples_copy(&["CCTC.ods"]);
    let out = d.path().join("out/r.docx");
    let (c, v) = compile_json(&input, &out, &[]);
    assert_eq!(c, 1);
    assert!(!out.exists());
    assert!(!out.parent().unwrap().exists() || file_names(out.parent().unwrap()).is_empty());
    let f = &v["findings"][0];
    assert_eq!(batch_codes(&v), ["E301"]);
    assert_eq!(f["unit"], "CCTC");
    assert_eq!(f["severity"], "error");
    assert!(f["message"].as_str().unwrap().contains("CCTC"));
    assert_eq!(v["summary"]["errors"], 1);
    // The text output's roster tells the clerk, unit by unit.
    let s = stdout(&compile(&input, &out, &[]));
    assert!(
        s.contains("CCTC  Chi cục Tiêu chuẩn Đo lường Chất lượng: CHƯA GỬI (E301)"),
        "{s}"
    );
    assert!(
        s.contains("TTRA  Thanh tra Sở: TTRA.xlsx — 5 dòng, 1 cảnh báo (W202)"),
        "{s}"
    );
}

#[test]
fn a_missing_unit_without_lead_tasks_is_w302() {
    let (d, input) = samples_copy(&["Bao cao CCHC - Phong QLKH.xlsx"]);
    let out = d.path().join("r.docx");
    let (c, v) = compile_json(&input, &out, &[]);
    assert_eq!(c, 0);
    assert_eq!(batch_codes(&v), ["W302"]);
    assert_eq!(v["findings"][0]["unit"], "QLKH");
    assert_eq!(v["findings"][0]["severity"], "warning");
    assert!(out.is_file());
    // The report says who did not report.
    let doc = read_docx(&out);
    assert!(
        doc.paragraphs
            .iter()
            .any(|p| p.contains("chưa gửi") && p.contains("Phòng Quản lý Khoa học")),
        "{:#?}",
        doc.paragraphs
    );
}

// ---------------------------------------------------------------------------
// 4. A unit claimed twice

#[test]
fn two_files_for_one_unit_is_e303_and_partial_leaves_both_out() {
    let (d, input) = samples_copy(&[]);
    std::fs::copy(input.join("TTUD.xlsx"), input.join("TTUD - ban sua.xlsx")).unwrap();
    let out = d.path().join("r.docx");
    let (c, v) = compile_json(&input, &out, &[]);
    assert_eq!(c, 1);
    assert!(!out.exists());
    assert!(v["output"].is_null());
    assert_eq!(batch_codes(&v), ["E303"]);
    let f = &v["findings"][0];
    assert_eq!(f["unit"], "TTUD");
    let paths: Vec<&str> = f["paths"]
        .as_array()
        .expect("E303 names the files")
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths.iter().any(|p| p.ends_with("/TTUD.xlsx")));
    assert!(paths.iter().any(|p| p.ends_with("/TTUD - ban sua.xlsx")));
    let message = f["message"].as_str().unwrap();
    assert!(
        message.contains("TTUD.xlsx") && message.contains("TTUD - ban sua.xlsx"),
        "{message}"
    );
    let s = stdout(&compile(&input, &out, &[]));
    assert_eq!(s.matches("KHÔNG ĐƯỢC TỔNG HỢP (E303)").count(), 2, "{s}");

    let (c, v) = compile_json(&input, &out, &["--partial"]);
    assert_eq!(c, 1);
    assert_eq!(v["output"].as_str(), Some(out.to_str().unwrap()));
    let ttud_rows = samples_of("TTUD.xlsx");
    assert_eq!(
        v["summary"]["rows_included"].as_u64().unwrap(),
        v["summary"]["rows"].as_u64().unwrap() - 2 * ttud_rows.len() as u64
    );
    let doc = read_docx(&out);
    let got = doc.appendix_activities();
    for r in &ttud_rows {
        assert!(
            !got.contains(&r.activity),
            "{:?} reached the report",
            r.activity
        );
    }
    assert!(doc
        .appendix_rows()
        .iter()
        .all(|r| r[1] != "TT Ứng dụng và Dịch vụ KH&CN"));
    assert_eq!(
        v["summary"]["rows_included"].as_u64(),
        Some(got.len() as u64)
    );
    // Said once for the unit, whatever the number of its files, without them.
    let text = doc.all_text();
    assert_eq!(
        text.matches(
            "Báo cáo của Trung tâm Ứng dụng và Dịch vụ khoa học và Công nghệ chưa đáp ứng yêu cầu"
        )
        .count(),
        1,
        "{text}"
    );
    assert!(!text.contains(".xlsx"), "{text}");
}

fn samples_of(name: &str) -> Vec<SampleRow> {
    sample_rows()
        .into_iter()
        .find(|(p, _)| p.file_name().unwrap() == name)
        .unwrap()
        .1
}

// ---------------------------------------------------------------------------
// 5. Strays, lock files, hidden files

#[test]
fn strays_warn_and_lock_and_hidden_files_are_skipped() {
    let (d, input) = samples_copy(&[]);
    std::fs::write(input.join("ghi-chu.txt"), "Nhớ gửi lại QLKH").unwrap();
    std::fs::write(input.join("~$TTUD.xlsx"), b"lock").unwrap();
    std::fs::copy(input.join("TTUD.xlsx"), input.join(".hidden.xlsx")).unwrap();
    let out = d.path().join("r.docx");
    let (c, v) = compile_json(&input, &out, &[]);
    assert_eq!(c, 0);
    assert!(out.is_file());
    assert_eq!(batch_codes(&v), ["W304"]);
    let f = &v["findings"][0];
    assert!(f["message"].as_str().unwrap().contains("ghi-chu.txt"));
    assert_eq!(f["severity"], "warning");
    let files: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), sample_paths().len());
    assert!(files
        .iter()
        .all(|p| !p.contains("~$") && !p.contains(".hidden") && !p.contains("ghi-chu")));
    assert_eq!(all_codes(&v), ["W304", "W202"]);
}

// ---------------------------------------------------------------------------
// 6. --partial with a row in error and a corrupt file

#[test]
fn partial_leaves_out_bad_rows_and_corrupt_files_and_says_so() {
    let (d, input) = samples_copy(&["TTUD.xlsx", "Bao cao CCHC - Phong QLKH.xlsx"]);
    let mut rows: Vec<Row> = ttud_rows();
    rows.push([
        "1",
        "Hoạt động có số lượng sai",
        "12,5",
        "tin",
        "05/2024",
        "Hoàn thành",
        "",
        "",
    ]);
    xlsx(&input, "TTUD.xlsx", Some("TT Ứng dụng"), &[], &rows);
    std::fs::write(
        input.join("QLKH.xlsx"),
        (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    let out = d.path().join("r.docx");

    let (c, v) = compile_json(&input, &out, &[]);
    assert_eq!(c, 1);
    assert!(!out.exists());
    assert!(v["output"].is_null());
    let codes = all_codes(&v);
    assert!(
        codes.contains(&"E104".into()) && codes.contains(&"E001".into()),
        "{codes:?}"
    );

    let (c, v) = compile_json(&input, &out, &["--partial"]);
    assert_eq!(c, 1, "errors remain");
    assert_eq!(v["output"].as_str(), Some(out.to_str().unwrap()));
    let file = |name: &str| {
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["path"].as_str().unwrap().ends_with(name))
            .unwrap()
            .clone()
    };
    let bad = file("/TTUD.xlsx");
    let e104 = bad["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "E104")
        .unwrap();
    assert_eq!(e104["row"], 11);
    let corrupt = file("/QLKH.xlsx");
    assert_eq!(corrupt["findings"][0]["code"], "E001");
    let s = &v["summary"];
    assert_eq!(
        s["rows_included"].as_u64().unwrap(),
        s["rows"].as_u64().unwrap() - 1 - corrupt["rows"].as_u64().unwrap()
    );
    let doc = read_docx(&out);
    let got = doc.appendix_activities();
    assert_eq!(got.len() as u64, s["rows_included"].as_u64().unwrap());
    // The workbook's roster says which file stayed out, and why.
    let mut wb = calamine::open_workbook_auto(out.with_extension("xlsx")).unwrap();
    let roster = wb.worksheet_range("Đơn vị gửi báo cáo").unwrap();
    let qlkh: Vec<String> = roster
        .rows()
        .find(|r| r[1] == "QLKH.xlsx")
        .expect("QLKH's line")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(qlkh[4], "Không đưa vào báo cáo");
    assert_eq!(qlkh[6], "0");
    assert!(qlkh[9].starts_with("E001"), "{qlkh:?}");
    assert!(!got.contains(&"Hoạt động có số lượng sai".to_string()));
    assert!(got.contains(&"Cập nhật mục CCHC".to_string()));
    let text = doc.paragraphs.join("\n");
    // Said in administrative words, once, in the reporting paragraph: no file
    // name, no row number, no finding code, no unit code.
    let line = doc
        .paragraphs
        .iter()
        .find(|p| p.starts_with("Số liệu trong báo cáo"))
        .unwrap_or_else(|| panic!("the reporting paragraph: {text}"));
    assert!(
        line.contains(
            "Báo cáo của Phòng Quản lý Khoa học chưa đáp ứng yêu cầu tại thời điểm tổng hợp \
             nên chưa được tổng hợp."
        ),
        "{line}"
    );
    assert!(
        line.contains(
            "01 nội dung trong báo cáo của Trung tâm Ứng dụng và Dịch vụ khoa học và Công nghệ \
             chưa đáp ứng yêu cầu nên chưa được tổng hợp."
        ),
        "{line}"
    );
    for bad in [".xlsx", "tệp", "dòng 11", "(E0", "(E1", "QLKH", "TTUD"] {
        assert!(!doc.all_text().contains(bad), "{bad:?} in {text}");
    }
    // The unreadable QLKH.xlsx is QLKH's: the report does not say QLKH sent
    // nothing.
    assert!(
        !doc.paragraphs
            .iter()
            .any(|p| p.contains("chưa gửi") && p.contains("Phòng Quản lý Khoa học")),
        "{text}"
    );
    let o = compile(&input, &out, &["--partial"]);
    let s = stdout(&o);
    assert!(s.contains("--partial"), "{s}");
    // The roster shows what arrived: QLKH sent a file, unreadable.
    let roster = s
        .lines()
        .find(|l| l.trim_start().starts_with("QLKH"))
        .unwrap();
    assert!(roster.contains("QLKH.xlsx"), "{s}");
}

// ---------------------------------------------------------------------------
// 6b. The workbook beside the report

#[test]
fn the_workbook_beside_the_report_holds_the_appendix_rows_with_their_source() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.docx");
    let (c, v) = compile_json(Path::new("input"), &out, &["--date", "2024-11-28"]);
    assert_eq!(c, 0);
    let book = dir.path().join("r.xlsx");
    assert_eq!(v["workbook"].as_str(), Some(book.to_str().unwrap()));
    let doc = read_docx(&out);

    let mut wb = calamine::open_workbook_auto(&book).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "Kết quả",
            "Tổng hợp",
            "Khó khăn, kiến nghị",
            "Đơn vị gửi báo cáo"
        ]
    );
    let rows = wb.worksheet_range("Kết quả").unwrap();
    let cells: Vec<Vec<String>> = rows
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(cells[0][0], "STT");
    assert_eq!(cells[0][11], "Tệp");
    // Its rows are the appendix's rows, in the same order, with the same unit.
    let appendix = doc.appendix_rows();
    assert_eq!(cells.len() - 1, appendix.len());
    for (x, a) in cells[1..].iter().zip(&appendix) {
        assert_eq!((&x[1], &x[4]), (&a[1], &a[3]));
    }
    // The source of each row: file, sheet, row.
    assert!(cells[1..]
        .iter()
        .all(|r| !r[11].is_empty() && !r[12].is_empty()));
    // Contributions stay apart: task 2's procedures, lead 53 and others 42.
    let totals = wb.worksheet_range("Tổng hợp").unwrap();
    let tthc: Vec<Vec<String>> = totals
        .rows()
        .filter(|r| r[0] == Data::Float(2.0) && r[2] == "thủ tục")
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(tthc.len(), 1);
    assert_eq!(tthc[0][3], "53");
    // The units' proposals, which the report does not carry, are here.
    let remarks = wb.worksheet_range("Khó khăn, kiến nghị").unwrap();
    assert!(remarks
        .rows()
        .any(|r| r[2].to_string().starts_with("Đề nghị Sở bố trí kinh phí")));

    // The roster: every unit of the plan, the file it sent, the report date
    // written in the file, on time or not, the rows that reached the report.
    let roster: Vec<Vec<String>> = wb
        .worksheet_range("Đơn vị gửi báo cáo")
        .unwrap()
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(roster[0][0], "Đơn vị");
    assert_eq!(roster[0][3], "Ngày báo cáo (ghi trong tệp)");
    let plan = plan_json();
    for u in plan["units"].as_array().unwrap() {
        let name = u["name"].as_str().unwrap();
        assert!(roster.iter().any(|r| r[0] == name), "{name}");
    }
    let included: f64 = roster[1..]
        .iter()
        .map(|r| r[6].parse::<f64>().unwrap())
        .sum();
    assert_eq!(included as usize, appendix.len());
    let ttud = roster
        .iter()
        .find(|r| r[1] == "TTUD.xlsx")
        .expect("TTUD's file");
    assert_eq!(
        ttud[0],
        "Trung tâm Ứng dụng và Dịch vụ khoa học và Công nghệ"
    );
    assert!(
        ["Đúng hạn", "Gửi muộn"].contains(&ttud[4].as_str()),
        "{ttud:?}"
    );
    let date = &ttud[3];
    assert!(date.len() == 10 && date.ends_with("/2024"), "{date}");
    // Header frozen and filters on, in every sheet.
    let zip = std::fs::read(&book).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    for n in 1..=4 {
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name(&format!("xl/worksheets/sheet{n}.xml")).unwrap(),
            &mut xml,
        )
        .unwrap();
        assert!(
            xml.contains(r#"ySplit="1""#) && xml.contains("<autoFilter"),
            "sheet {n}"
        );
    }

    // Same inputs, same bytes; --no-workbook writes none.
    let out2 = dir.path().join("sub/r.docx");
    compile_json(Path::new("input"), &out2, &["--date", "2024-11-28"]);
    assert_eq!(
        std::fs::read(&book).unwrap(),
        std::fs::read(dir.path().join("sub/r.xlsx")).unwrap()
    );
    let out3 = dir.path().join("n.docx");
    let (_, v) = compile_json(Path::new("input"), &out3, &["--no-workbook"]);
    assert!(v["workbook"].is_null());
    assert!(!dir.path().join("n.xlsx").exists());
}

// ---------------------------------------------------------------------------
// 7. Same input, same bytes

#[test]
fn two_runs_give_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.docx"), dir.path().join("sub/b.docx"));
    for out in [&a, &b] {
        let o = compile(Path::new("input"), out, &["--date", "2024-11-28"]);
        assert_eq!(code(&o), 0);
    }
    let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    assert!(a == b, "the two reports differ");
    use std::hash::{DefaultHasher, Hash, Hasher};
    let hash = |bytes: &[u8]| {
        let mut h = DefaultHasher::new();
        bytes.hash(&mut h);
        h.finish()
    };
    assert_eq!(hash(&a), hash(&b));
}

// ---------------------------------------------------------------------------
// 8. Output safety

#[test]
fn output_in_the_input_folder_or_on_an_input_is_refused() {
    let (d, input) = samples_copy(&[]);
    let before = file_names(&input);

    let o = compile(&input, &input.join("r.docx"), &[]);
    assert_eq!(code(&o), 2, "{}", stdout(&o));
    assert!(!String::from_utf8_lossy(&o.stderr).is_empty());
    assert_eq!(file_names(&input), before);

    let target = input.join("TTUD.xlsx");
    let original = std::fs::read(&target).unwrap();
    let o = compile(&input, &target, &[]);
    assert_eq!(code(&o), 2);
    assert_eq!(std::fs::read(&target).unwrap(), original);
    assert_eq!(file_names(&input), before);

    // The same folder named another way.
    let other = d.path().join("in/../in/r.docx");
    let o = compile(&input, &other, &[]);
    assert_eq!(code(&o), 2);
    assert_eq!(file_names(&input), before);
}

#[test]
fn a_failed_run_leaves_no_temporary_file() {
    let (d, input) = samples_copy(&["CCTC.ods"]);
    let out_dir = d.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    // Blocked by E301.
    let o = compile(&input, &out_dir.join("r.docx"), &[]);
    assert_eq!(code(&o), 1);
    assert!(file_names(&out_dir).is_empty());
    // The output folder cannot be created: a file stands in its way.
    let (_d2, full) = samples_copy(&[]);
    let blocker = out_dir.join("not-a-folder");
    std::fs::write(&blocker, b"x").unwrap();
    let o = compile(&full, &blocker.join("r.docx"), &[]);
    assert_eq!(code(&o), 2);
    assert_eq!(file_names(&out_dir), ["not-a-folder"]);
    // The output is a folder.
    let o = compile(&full, &out_dir, &[]);
    assert_eq!(code(&o), 2);
    assert_eq!(file_names(&out_dir), ["not-a-folder"]);
    assert!(!file_names(d.path()).iter().any(|n| n.ends_with(".tmp")));
}

// ---------------------------------------------------------------------------
// 9. English messages

#[test]
fn english_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.docx");
    let o = compile(Path::new("input"), &out, &["--lang", "en"]);
    assert_eq!(code(&o), 0);
    let s = stdout(&o);
    for w in [
        "file(s)",
        "data row(s)",
        "error(s)",
        "warning(s)",
        "Report written",
    ] {
        assert!(s.contains(w), "{w:?} in {s}");
    }
    assert!(!s.contains("Đã ghi báo cáo"), "{s}");
    // The report itself stays Vietnamese.
    assert!(read_docx(&out).paragraphs.contains(&"BÁO CÁO".to_string()));
}
