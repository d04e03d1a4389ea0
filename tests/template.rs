//! `baocao template`: runs the real binary and reads the written .xlsx back as XML.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use baocao::form::{self, FormTexts};
use baocao::plan::{Plan, Role};
use baocao::vocabulary::Vocabulary;

const BIN: &str = env!("CARGO_BIN_EXE_baocao");

fn plan_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plan-2024.json")
}

fn plan() -> Plan {
    Plan::load(&plan_path()).unwrap()
}

/// Runs `baocao --plan <the frozen 2024 plan> ARGS…` in `dir`.
fn run(dir: &Path, args: &[&str]) -> Output {
    run_with_plan(dir, &plan_path(), args)
}

fn run_with_plan(dir: &Path, plan: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .current_dir(dir)
        .arg("--plan")
        .arg(plan)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The parts of an .xlsx a test looks at.
struct Xlsx {
    workbook: String,
    form: String,
    strings: String,
}

impl Xlsx {
    fn open(path: &Path) -> Xlsx {
        let bytes = std::fs::read(path).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut part = |name: &str| {
            let mut s = String::new();
            zip.by_name(name)
                .unwrap_or_else(|e| panic!("{name}: {e}"))
                .read_to_string(&mut s)
                .unwrap();
            s
        };
        Xlsx {
            workbook: part("xl/workbook.xml"),
            form: part("xl/worksheets/sheet1.xml"),
            strings: part("xl/sharedStrings.xml"),
        }
    }

    /// The `<dataValidation …>` elements of the form, each with its formula.
    fn validations(&self) -> Vec<&str> {
        self.form
            .split("<dataValidation ")
            .skip(1)
            .map(|s| s.split("</dataValidation>").next().unwrap())
            .collect()
    }

    fn validation_for(&self, sqref: &str) -> &str {
        self.validations()
            .into_iter()
            .find(|v| v.contains(&format!("sqref=\"{sqref}\"")))
            .unwrap_or_else(|| panic!("no validation on {sqref}"))
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn column_range(col: u16, first: u32, last: u32) -> String {
    let letter = (b'A' + col as u8) as char;
    format!("{letter}{}:{letter}{}", first + 1, last + 1)
}

#[test]
fn every_unit_gets_a_guarded_template_with_its_tasks() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["template", "--all", "--output", "bieu"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let plan = plan();
    for unit in &plan.units {
        let path = dir.path().join("bieu").join(form::file_name(&plan, unit));
        let x = Xlsx::open(&path);
        let layout = form::layout(&plan, unit);
        let area = layout.data_area();
        let range = |col| column_range(col, area.start, area.end - 1);

        let status = x.validation_for(&range(form::col::STATUS));
        assert!(status.contains("type=\"list\""), "{status}");
        assert!(
            status.contains("\"Hoàn thành,Đang thực hiện,Chưa thực hiện\""),
            "{status}"
        );
        let measure = x.validation_for(&range(form::col::MEASURE));
        assert!(measure.contains("type=\"list\""), "{measure}");
        assert!(measure.contains("tin/bài"), "{measure}");
        let quantity = x.validation_for(&range(form::col::QUANTITY));
        assert!(
            quantity.contains("type=\"whole\"")
                && quantity.contains("operator=\"greaterThanOrEqual\"")
                && quantity.contains("<formula1>0</formula1>"),
            "{quantity}"
        );
        let date_cell = format!("C{}", layout.date_row + 1);
        assert!(x.validation_for(&date_cell).contains("type=\"date\""));
        let time = x.validation_for(&range(form::col::TIME));
        assert!(time.contains("Quý II/2024") && time.contains("Thường xuyên"));

        assert!(x.form.contains("<sheetProtection "), "{}", unit.code);
        assert!(x.form.contains("insertRows=\"0\""), "rows can be inserted");
        assert!(
            x.form
                .contains(&format!("ySplit=\"{}\"", layout.header_row + 1))
                && x.form.contains("state=\"frozen\""),
            "frozen below the header"
        );
        assert!(x.workbook.contains("name=\"Hướng dẫn\""));
        assert!(!x.workbook.contains("Danh mục"), "short list is inline");

        assert!(x.strings.contains(&xml_escape(&unit.name)), "{}", unit.code);
        assert!(x.strings.contains(">Đơn vị:<") && x.strings.contains(">Ngày báo cáo:<"));
        assert!(x.strings.contains(
            "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2024"
        ));
        for label in [
            "STT",
            "Nhiệm vụ",
            "Nội dung thực hiện",
            "Số lượng",
            "Đơn vị tính",
            "Thời gian",
            "Tình trạng",
            "Nội dung tuyên truyền (mục II)",
            "Minh chứng",
        ] {
            assert!(x.strings.contains(&format!(">{label}<")), "{label}");
        }
        for (task, role) in plan.assignments(&unit.code) {
            let heading = format!("{}. {}", task.number, task.title);
            assert!(x.strings.contains(&xml_escape(&heading)), "{heading}");
            if role == Role::Lead {
                let marked = form::heading(FormTexts::shipped(), task, role);
                assert!(marked.ends_with("(chủ trì)"));
                assert!(x.strings.contains(&xml_escape(&marked)), "{marked}");
            }
        }
    }
}

/// The form's status drop-down and the checker agree: every label in the written
/// list reads back as its status, and every status has its label in the list.
#[test]
fn the_status_drop_down_parses_to_every_status() {
    use baocao::value::Status;
    use baocao::vocabulary::Vocabulary;
    let parse_status = |s: &str| Vocabulary::shipped().status(s);

    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["template", "--unit", "QLTC", "--output", "q.xlsx"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let x = Xlsx::open(&dir.path().join("q.xlsx"));
    let plan = plan();
    let layout = form::layout(&plan, plan.unit("QLTC").unwrap());
    let area = layout.data_area();
    let status = x.validation_for(&column_range(form::col::STATUS, area.start, area.end - 1));
    let list = status
        .split("<formula1>\"")
        .nth(1)
        .and_then(|s| s.split("\"</formula1>").next())
        .unwrap_or_else(|| panic!("no inline list: {status}"));
    let labels: Vec<&str> = list.split(',').collect();
    let parsed: Vec<Option<Status>> = labels.iter().map(|l| parse_status(l)).collect();
    assert!(
        parsed.iter().all(Option::is_some),
        "{labels:?} → {parsed:?}"
    );
    for s in Status::ALL {
        assert!(
            parsed.contains(&Some(s)),
            "{s:?} has no label in {labels:?}"
        );
    }
    assert_eq!(labels.len(), Status::ALL.len(), "{labels:?}");
    assert_eq!(labels, form::status_list(Vocabulary::shipped()));
}

#[test]
fn a_long_measure_list_goes_to_a_hidden_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(plan_path()).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let measures = v["units_of_measure"].as_array_mut().unwrap();
    for i in 0..40 {
        measures.push(format!("đơn vị đo thứ {i}").into());
    }
    let n = measures.len();
    let long_plan = dir.path().join("plan.json");
    std::fs::write(&long_plan, v.to_string()).unwrap();

    let out = run_with_plan(dir.path(), &long_plan, &["template", "--unit", "TTUD"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let x = Xlsx::open(&dir.path().join("output/bieu-ket-qua-TTUD-2024.xlsx"));
    assert!(
        x.workbook
            .contains("<sheet name=\"Danh mục\" sheetId=\"3\" state=\"hidden\""),
        "{}",
        x.workbook
    );
    let reference = format!("<formula1>'Danh mục'!$A$1:$A${n}</formula1>");
    assert!(
        x.validations().iter().any(|v| v.contains(&reference)),
        "{reference}"
    );
}

#[test]
fn the_same_plan_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.xlsx", "b.xlsx"] {
        let out = run(
            dir.path(),
            &["template", "--unit", "QLTC", "--output", name],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let a = std::fs::read(dir.path().join("a.xlsx")).unwrap();
    let b = std::fs::read(dir.path().join("b.xlsx")).unwrap();
    assert!(a == b, "two runs differ");

    let plan = plan();
    let unit = plan.unit("QLTC").unwrap();
    assert_eq!(
        form::to_bytes(&plan, unit, FormTexts::shipped(), Vocabulary::shipped()).unwrap(),
        a
    );
}

#[test]
fn existing_files_are_kept_unless_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("output/bieu-ket-qua-TTUD-2024.xlsx");
    let out = run(dir.path(), &["template", "--unit", "TTUD"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("bieu-ket-qua-TTUD-2024.xlsx"));
    std::fs::write(&path, b"the unit's work").unwrap();

    let out = run(dir.path(), &["template", "--unit", "TTUD"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("bieu-ket-qua-TTUD-2024.xlsx"), "{err}");
    assert!(err.contains("đã có") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"the unit's work");

    let out = run(dir.path(), &["--lang", "en", "template", "--unit", "TTUD"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));

    // --all refuses before writing anything.
    let out = run(dir.path(), &["template", "--all", "--output", "output"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir
        .path()
        .join("output/bieu-ket-qua-HCTH-2024.xlsx")
        .exists());

    let out = run(dir.path(), &["template", "--unit", "TTUD", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read(&path).unwrap().starts_with(b"PK"));
}

#[test]
fn an_unknown_unit_lists_the_valid_codes() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["template", "--unit", "XYZ"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("\"XYZ\""), "{err}");
    assert!(
        err.contains("HCTH, TTUD, QLTC, CCTC, TTRA, QLKH, QLCN"),
        "{err}"
    );
    assert!(err.contains("không có đơn vị"), "{err}");

    let out = run(dir.path(), &["--lang", "en", "template", "--unit", "XYZ"]);
    assert!(stderr(&out).contains("Valid codes"), "{}", stderr(&out));
    assert!(!dir.path().join("output").exists());
}

#[test]
fn unit_codes_ignore_case_and_output_may_be_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("ra")).unwrap();
    let out = run(
        dir.path(),
        &["template", "--unit", "cctc", "--output", "ra"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.path().join("ra/bieu-ket-qua-CCTC-2024.xlsx").exists());
}

/// Codes of `check --format json` for one file, and its exit code.
fn check_codes(dir: &Path, file: &Path) -> (Option<i32>, Vec<String>) {
    let out = run(dir, &["check", "--format", "json", file.to_str().unwrap()]);
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    let codes = json["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap().to_string())
        .collect();
    (out.status.code(), codes)
}

#[test]
fn templates_round_trip_through_check() {
    use rust_xlsxwriter::{ExcelDateTime, Format};

    let dir = tempfile::tempdir().unwrap();
    let plan = plan();
    for unit in &plan.units {
        // Untouched: only the tasks the unit leads are missing (E201 each); a form
        // without data rows may also say W007.
        let blank = dir.path().join(format!("blank-{}.xlsx", unit.code));
        std::fs::write(
            &blank,
            form::to_bytes(&plan, unit, FormTexts::shipped(), Vocabulary::shipped()).unwrap(),
        )
        .unwrap();
        let (code, codes) = check_codes(dir.path(), &blank);
        let leads = plan.lead_tasks(&unit.code).count();
        let errors: Vec<_> = codes.iter().filter(|c| c.starts_with('E')).collect();
        assert!(
            errors.iter().all(|c| *c == "E201"),
            "{}: {codes:?}",
            unit.code
        );
        assert_eq!(errors.len(), leads, "{}: {codes:?}", unit.code);
        assert!(
            codes.iter().all(|c| c == "E201" || c == "W007"),
            "{}: {codes:?}",
            unit.code
        );
        assert_eq!(code, Some(if leads > 0 { 1 } else { 0 }), "{}", unit.code);

        // Filled in the prepared rows (task cells left empty): no finding at all.
        let (mut workbook, layout) =
            form::workbook(&plan, unit, FormTexts::shipped(), Vocabulary::shipped()).unwrap();
        let ws = workbook.worksheet_from_index(0).unwrap();
        let d = plan.deadlines.units_report;
        let date = ExcelDateTime::parse_from_str(&d.format("%Y-%m-%d").to_string()).unwrap();
        ws.write_datetime_with_format(
            layout.date_row,
            form::col::ACTIVITY,
            &date,
            &Format::new().set_num_format("dd/mm/yyyy"),
        )
        .unwrap();
        for g in &layout.groups {
            let task = plan.task(g.task).unwrap();
            for (i, r) in g.data_rows.clone().take(2).enumerate() {
                use form::col;
                ws.write(
                    r,
                    col::ACTIVITY,
                    format!("Hoạt động {} của nhiệm vụ {}", i + 1, task.number),
                )
                .unwrap();
                ws.write(r, col::QUANTITY, (i + 1) as f64).unwrap();
                ws.write(r, col::MEASURE, plan.units_of_measure[i].as_str())
                    .unwrap();
                let day = task.timeline.start + chrono::Duration::days(i as i64);
                ws.write(r, col::TIME, day.format("%d/%m/%Y").to_string())
                    .unwrap();
                ws.write(r, col::STATUS, "Hoàn thành").unwrap();
                ws.write(r, col::CONTENT, "1, 2").unwrap();
                ws.write(r, col::EVIDENCE, "https://skhcn.quangngai.gov.vn/")
                    .unwrap();
            }
        }
        let filled = dir.path().join(format!("filled-{}.xlsx", unit.code));
        workbook.save(&filled).unwrap();
        let (code, codes) = check_codes(dir.path(), &filled);
        assert_eq!(codes, Vec::<String>::new(), "{}", unit.code);
        assert_eq!(code, Some(0), "{}", unit.code);
    }
}

/// What the reader will see: calamine (the reader's library) reads the template back.
#[test]
fn calamine_reads_the_title_block_header_and_headings() {
    use calamine::{open_workbook_auto, Data, Reader};

    let plan = plan();
    let unit = plan.unit("QLTC").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("QLTC.xlsx");
    std::fs::write(
        &path,
        form::to_bytes(&plan, unit, FormTexts::shipped(), Vocabulary::shipped()).unwrap(),
    )
    .unwrap();
    let layout = form::layout(&plan, unit);

    let mut book = open_workbook_auto(&path).unwrap();
    assert_eq!(book.sheet_names(), ["Kết quả", "Hướng dẫn"]);
    let range = book.worksheet_range("Kết quả").unwrap();
    let text = |r: u32, c: u16| match range.get_value((r, c as u32)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => panic!("({r},{c}): {other:?}"),
    };
    assert_eq!(text(layout.unit_row, 0), "Đơn vị:");
    assert_eq!(text(layout.unit_row, form::col::ACTIVITY), unit.name);
    assert_eq!(text(layout.date_row, 0), "Ngày báo cáo:");
    assert_eq!(text(layout.date_row, form::col::ACTIVITY), "");
    assert_eq!(text(layout.header_row, form::col::TASK), "Nhiệm vụ");
    for g in &layout.groups {
        let cells: Vec<String> = (0..=form::col::LAST).map(|c| text(g.row, c)).collect();
        assert!(cells[form::col::TASK as usize].starts_with(&format!("{}. ", g.task)));
        assert!(
            cells
                .iter()
                .enumerate()
                .all(|(c, s)| c == form::col::TASK as usize || s.is_empty()),
            "only the task cell of a heading is filled: {cells:?}"
        );
        for r in g.data_rows.clone() {
            assert!((0..=form::col::LAST).all(|c| text(r, c).is_empty()));
        }
    }
    assert_eq!(text(layout.difficulties_row, 0), "Khó khăn, vướng mắc:");
    assert_eq!(text(layout.proposals_row, 0), "Đề xuất, kiến nghị:");
    assert_eq!(text(layout.signature_row, 0), "Người lập biểu");
}
