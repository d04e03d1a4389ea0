//! The report read back from the .docx: page set-up, fonts, sizes, the header and
//! end blocks, every task, totals, every row once in the appendix, validity for
//! Word (when lxml is available) and byte-identical output.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};

use baocao::check::{CheckedFile, ResultRow};
use baocao::finding::{Finding, Kind};
use baocao::plan::Plan;
use baocao::read::table::Column;
use baocao::report::aggregate::{aggregate, Exclusion, ReportData};
use baocao::report::exclusion::Reason;
use baocao::report::render::report_docx;
use baocao::report::texts::Texts;
use baocao::value::{Period, Status};
use chrono::NaiveDate;
use common::docx::{parse_document, Doc, Row};

fn plan() -> Plan {
    Plan::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plan-2024.json"))
        .unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[allow(clippy::too_many_arguments)]
fn row(
    unit: &str,
    n: u32,
    task: u32,
    activity: &str,
    q: Option<u64>,
    m: &str,
    status: Status,
    areas: &[u32],
) -> ResultRow {
    ResultRow {
        unit: unit.into(),
        path: PathBuf::from(format!("{unit}.xlsx")).into(),
        sheet: "Sheet1".into(),
        row: n,
        task,
        role: None,
        activity: activity.into(),
        quantity: q,
        measure: (!m.is_empty()).then(|| m.to_string()),
        time_text: "Quý II/2024".into(),
        period: Period::quarters(2024, 2, 2).unwrap(),
        status,
        content_areas: areas.to_vec(),
        evidence: Some(format!("minh-chung-{unit}-{n}")),
    }
}

fn file(unit: &str, date: NaiveDate, rows: Vec<ResultRow>) -> CheckedFile {
    CheckedFile {
        path: PathBuf::from(format!("{unit}.xlsx")),
        unit: Some(unit.into()),
        sheet: Some("Sheet1".into()),
        rows_total: rows.len(),
        rows,
        findings: vec![],
        report_date: Some(date),
        difficulties: vec![format!("Khó khăn riêng của {unit}")],
        proposals: vec![format!("Kiến nghị riêng của {unit}")],
        ignored_sheets: vec![],
    }
}

fn files() -> Vec<CheckedFile> {
    use Status::*;
    let mut ttud: Vec<ResultRow> = (0..40)
        .map(|i| {
            row(
                "TTUD",
                6 + i,
                1,
                &format!("Đăng tin CCHC đợt {i} <&>"),
                Some(30 + u64::from(i)),
                "tin/bài",
                Done,
                &[1],
            )
        })
        .collect();
    ttud.push(row(
        "TTUD",
        50,
        2,
        "Công khai TTHC",
        Some(1053),
        "thủ tục",
        Done,
        &[2],
    ));
    ttud.push(row(
        "TTUD",
        51,
        3,
        "Bản tin KH&CN",
        Some(4),
        "số",
        InProgress,
        &[2],
    ));
    ttud.push(row("TTUD", 52, 4, "Trưng bày 18/5", None, "", Done, &[8]));
    vec![
        file("TTUD", d(2024, 11, 10), ttud),
        file(
            "HCTH",
            d(2024, 11, 18),
            vec![row(
                "HCTH",
                6,
                4,
                "Lễ kỷ niệm 18/5",
                Some(1),
                "hội nghị",
                InProgress,
                &[1],
            )],
        ),
        file(
            "QLTC",
            d(2024, 11, 12),
            vec![row("QLTC", 6, 5, "Lớp ISO", Some(2), "lớp", Done, &[2])],
        ),
        file(
            "CCTC",
            d(2024, 11, 14),
            vec![row(
                "CCTC",
                6,
                6,
                "Kiểm tra ISO",
                Some(8),
                "cơ quan",
                InProgress,
                &[6],
            )],
        ),
    ]
}

fn exclusions() -> Vec<Exclusion> {
    vec![Exclusion {
        path: "QLKH.xlsx".into(),
        unit: Some("QLKH".into()),
        rows: Vec::new(),
        reason: Some(Reason::Finding(Box::new(Finding::new(Kind::NoHeader {
            missing: vec![Column::Task],
        })))),
    }]
}

fn data(files: &[CheckedFile]) -> ReportData<'_> {
    aggregate(&plan(), files, &exclusions())
}

fn render(date: Option<NaiveDate>) -> Vec<u8> {
    report_docx(&data(&files()), &plan(), &Texts::shipped(), date).unwrap()
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut f = zip.by_name(name).unwrap();
    assert_eq!(f.compression(), zip::CompressionMethod::Deflated, "{name}");
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    s
}

fn read_doc(xml: &str) -> Doc {
    parse_document(xml.to_string())
}

fn doc() -> (Doc, String) {
    let xml = part(&render(Some(d(2024, 11, 25))), "word/document.xml");
    (read_doc(&xml), xml)
}

/// The closing table, the one whose first cell starts with `Nơi nhận:`.
fn end_block(doc: &Doc) -> &[Row] {
    doc.tables
        .iter()
        .find(|t| t[0].cells[0].starts_with("Nơi nhận:"))
        .unwrap()
}

#[test]
fn page_setup_fonts_and_sizes() {
    let bytes = render(None);
    let xml = part(&bytes, "word/document.xml");
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
    assert!(xml.contains(r#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#));
    assert!(xml.contains(r#"w:orient="landscape""#));
    assert!(xml.contains("<w:titlePg/>"));
    let fonts = r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>"#;
    assert!(part(&bytes, "word/styles.xml").contains(fonts));
    assert_eq!(
        xml.matches("<w:rPr>").count(),
        xml.matches(fonts).count(),
        "every run names the font"
    );
    // Sizes and body formatting: direct in the header block, the rest in the
    // named styles.
    let styles = part(&bytes, "word/styles.xml");
    for sz in [24, 26, 28] {
        assert!(
            xml.contains(&format!(r#"<w:sz w:val="{sz}"/>"#)),
            "size {sz}"
        );
    }
    for sz in [22, 24, 28] {
        assert!(
            styles.contains(&format!(r#"<w:sz w:val="{sz}"/>"#)),
            "size {sz}"
        );
    }
    let body_text = style_def(&styles, "BodyText");
    assert!(body_text.contains(r#"<w:jc w:val="both"/>"#), "{body_text}");
    assert!(body_text.contains(r#"w:firstLine="720""#), "{body_text}");
    assert!(body_text.contains(r#"<w:spacing w:before="0" w:after="120""#));
    assert!(!xml.contains("justified") && !styles.contains("justified"));
    // Page numbers: header with a PAGE field, an empty first-page header.
    let h1 = part(&bytes, "word/header1.xml");
    assert!(h1.contains(" PAGE ") && h1.contains(r#"<w:jc w:val="center"/>"#));
    assert!(h1.contains(r#"<w:sz w:val="26"/>"#));
    assert!(!part(&bytes, "word/header2.xml").contains("PAGE"));
    let first = xml.find("headerReference").unwrap();
    assert!(first < xml.find("<w:pgSz").unwrap());
}

/// The `w:style` element of `id` in `styles.xml`.
fn style_def<'a>(styles: &'a str, id: &str) -> &'a str {
    let at = styles
        .find(&format!(r#"w:styleId="{id}""#))
        .unwrap_or_else(|| panic!("no style {id}"));
    let start = styles[..at].rfind("<w:style ").unwrap();
    &styles[start..at + styles[at..].find("</w:style>").unwrap()]
}

/// The `w:pStyle` of the body paragraph whose text is exactly `text`.
fn style_of_paragraph<'a>(xml: &'a str, text: &str) -> Option<&'a str> {
    let at = xml.find(&format!(">{text}</w:t>"))?;
    let p = &xml[xml[..at].rfind("<w:p>")?..at];
    let s = p.find(r#"<w:pStyle w:val=""#)? + r#"<w:pStyle w:val=""#.len();
    Some(&p[s..s + p[s..].find('"')?])
}

/// The `w:tblStyle` of the table whose first cell's text is `first_cell`.
fn style_of_table<'a>(xml: &'a str, first_cell: &str) -> Option<&'a str> {
    let at = xml.find(&format!(">{first_cell}</w:t>"))?;
    let t = &xml[xml[..at].rfind("<w:tbl>")?..at];
    let s = t.find(r#"<w:tblStyle w:val=""#)? + r#"<w:tblStyle w:val=""#.len();
    Some(&t[s..s + t[s..].find('"')?])
}

/// Edits like a Word document: the outline is in heading styles with outline
/// levels (Word's navigation pane), body text, tables and the end block are
/// named styles, and a paragraph typed after a heading is body text.
#[test]
fn headings_tables_and_end_block_use_named_styles() {
    let bytes = render(Some(d(2024, 11, 25)));
    let xml = part(&bytes, "word/document.xml");
    let styles = part(&bytes, "word/styles.xml");
    for (text, style) in [
        ("I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", "Heading1"),
        ("II. KẾT QUẢ THỰC HIỆN", "Heading1"),
        ("V. ĐỀ XUẤT, KIẾN NGHỊ", "Heading1"),
        ("1. Kết quả thực hiện các nhiệm vụ của Kế hoạch", "Heading2"),
        ("2. Tồn tại, hạn chế và nguyên nhân", "Heading2"),
        ("BÁO CÁO", "Title"),
        ("Nơi nhận:", "RecipientsLabel"),
        ("- Sở Nội vụ;", "Recipients"),
        ("GIÁM ĐỐC", "Signer"),
        ("Phụ lục", "AppendixHeading"),
        ("Minh chứng", "TableHeading"),
    ] {
        assert_eq!(style_of_paragraph(&xml, text), Some(style), "{text}");
    }
    let task_a = format!("a) {}", plan().tasks[0].title);
    assert_eq!(style_of_paragraph(&xml, &task_a), Some("Heading3"));
    for (id, level) in [("Heading1", 0), ("Heading2", 1), ("Heading3", 2)] {
        let def = style_def(&styles, id);
        assert!(
            def.contains(&format!(r#"<w:outlineLvl w:val="{level}"/>"#)),
            "{def}"
        );
        assert!(def.contains(r#"<w:next w:val="BodyText"/>"#), "{def}");
        assert!(def.contains("<w:keepNext/>"), "{def}");
    }
    assert!(style_def(&styles, "Heading1").contains(r#"<w:name w:val="heading 1"/>"#));
    assert!(style_def(&styles, "Heading1").contains("<w:b/>"));
    assert!(!style_def(&styles, "Heading3").contains("<w:b/>"));
    // Body paragraphs carry the style, not direct formatting, so typed text
    // takes the report's look.
    let body: Vec<&str> = xml
        .split("<w:p>")
        .map(|p| &p[..p.find("</w:p>").unwrap_or(p.len())])
        .filter(|p| p.contains(r#"<w:pStyle w:val="BodyText"/>"#))
        .collect();
    assert!(body.len() > 20);
    assert!(body
        .iter()
        .all(|p| !p.contains("<w:rPr>") && !p.contains("<w:jc ")));
    // Tables: the appendix and the summary in the bordered grid style, the
    // header and end blocks in the borderless one.
    assert_eq!(style_of_table(&xml, "STT"), Some("TableGrid"));
    let appendix = &xml[xml.rfind("<w:tbl>").unwrap()..];
    assert!(appendix.contains(r#"<w:tblStyle w:val="TableGrid"/>"#));
    assert!(appendix.contains("Minh chứng"));
    assert_eq!(style_of_table(&xml, "Nơi nhận:"), Some("LayoutTable"));
    assert_eq!(
        style_of_table(&xml, "UBND TỈNH QUẢNG NGÃI"),
        Some("LayoutTable")
    );
    let grid = style_def(&styles, "TableGrid");
    assert!(grid.contains(r#"<w:insideH w:val="single""#), "{grid}");
    assert!(style_def(&styles, "LayoutTable").contains(r#"<w:insideH w:val="nil"/>"#));
}

#[test]
fn header_block_and_date_line() {
    let (doc, xml) = doc();
    let header = &doc.tables[0];
    assert_eq!(
        header[0].cells[0],
        "UBND TỈNH QUẢNG NGÃI\nSỞ KHOA HỌC VÀ CÔNG NGHỆ"
    );
    assert_eq!(
        header[0].cells[1],
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    );
    assert_eq!(header[1].cells[0], "Số:      /BC-SKHCN");
    assert_eq!(header[1].cells[1], "Quảng Ngãi, ngày 25 tháng 11 năm 2024");
    // The date line is italic 14.
    let at = xml.find("Quảng Ngãi, ngày 25").unwrap();
    let run = &xml[xml[..at].rfind("<w:r>").unwrap()..at];
    assert!(
        run.contains("<w:i/>") && run.contains(r#"<w:sz w:val="28"/>"#),
        "{run}"
    );
    // Short rules: bottom borders of empty paragraphs.
    assert!(xml.matches("<w:pBdr><w:bottom").count() >= 3);
    assert_eq!(doc.paragraphs[0], "BÁO CÁO");
    assert_eq!(
        doc.paragraphs[1],
        "Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính năm 2024"
    );

    let blank = read_doc(&part(&render(None), "word/document.xml"));
    assert_eq!(
        blank.tables[0][1].cells[1],
        "Quảng Ngãi, ngày        tháng 11 năm 2024"
    );
    let jan = read_doc(&part(&render(Some(d(2025, 1, 5))), "word/document.xml"));
    assert_eq!(
        jan.tables[0][1].cells[1],
        "Quảng Ngãi, ngày 05 tháng 01 năm 2025"
    );
}

#[test]
fn every_section_and_task_heading_is_present() {
    let (doc, _) = doc();
    let p = plan();
    let has = |s: &str| doc.paragraphs.iter().any(|x| x == s);
    for h in [
        "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
        "II. KẾT QUẢ THỰC HIỆN",
        "III. ĐÁNH GIÁ CHUNG",
        "1. Ưu điểm",
        "2. Tồn tại, hạn chế và nguyên nhân",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ] {
        assert!(has(h), "missing {h}");
    }
    for (t, letter) in p.tasks.iter().zip('a'..) {
        assert!(has(&format!("{letter}) {}", t.title)), "task {}", t.number);
    }
    assert!(has("1. Kết quả thực hiện các nhiệm vụ của Kế hoạch"));
    assert!(has("2. Kết quả theo nội dung tuyên truyền"));
    assert!(doc.paragraphs[2].starts_with("Thực hiện Kế hoạch số 07/KH-UBND"));
}

#[test]
fn totals_statuses_and_attributed_remarks() {
    let (doc, _) = doc();
    let text = doc.paragraphs.join("\n");
    // Each row in the unit's own words with its figure; 30 + … + 69 = 1.980
    // tin, bài is the task's figure (the summary), never a count of rows.
    assert!(
        text.contains("đăng tin CCHC đợt 0 <&> (30 tin, bài)"),
        "{text}"
    );
    assert!(
        text.contains("công khai thủ tục hành chính (TTHC) (1.053 thủ tục hành chính)"),
        "{text}"
    );
    assert!(!text.contains("hoạt động ("), "{text}");
    // Task 6 (Q4) in progress is on schedule; task 4 in progress is not.
    assert!(text.contains("Tình trạng: Đang thực hiện (đúng tiến độ)."));
    assert!(text.contains(
        "Nhiệm vụ 4 (Tuyên truyền nhân Ngày KH&CN Việt Nam 18/5) đang thực hiện, chưa hoàn thành"
    ));
    // Difficulties with the unit in brackets; the units' proposals are for the
    // Director, not section V.
    assert!(text.contains("- Khó khăn riêng của CCTC (Chi cục Tiêu chuẩn Đo lường Chất lượng)"));
    assert!(!text.contains("Kiến nghị riêng của HCTH"));
    assert!(
        text.contains("Phòng Hành chính - Tổng hợp (ngày 18/11/2024) gửi báo cáo sau thời hạn.")
    );
    assert!(!text.contains("QLKH.xlsx"), "{text}");
    assert!(text.contains(
        "Báo cáo của Phòng Quản lý Khoa học chưa đáp ứng yêu cầu tại thời điểm tổng hợp"
    ));
    assert!(
        text.contains("Thanh tra Sở và Phòng Quản lý Công nghệ và Chuyên ngành chưa gửi báo cáo."),
        "{text}"
    );

    let summary = &doc.tables[1];
    assert!(summary[0].header && summary[0].cells[0] == "STT");
    assert_eq!(summary.len(), 7);
    assert_eq!(summary[1].cells[4], "1.980 tin, bài");
    assert_eq!(summary[6].cells[5], "Đang thực hiện (đúng tiến độ)");
}

#[test]
fn every_row_appears_once_in_the_appendix() {
    let (doc, xml) = doc();
    let sources = files();
    let data = data(&sources);
    let appendix = doc.tables.last().unwrap();
    assert_eq!(
        appendix[0].cells,
        [
            "STT",
            "Đơn vị",
            "Nhiệm vụ",
            "Nội dung thực hiện",
            "Số lượng",
            "ĐVT",
            "Thời gian",
            "Tình trạng",
            "Minh chứng"
        ]
    );
    assert!(appendix[0].header && appendix[0].cant_split);
    let body: Vec<&Row> = appendix[1..].iter().filter(|r| r.cells.len() > 1).collect();
    let groups: Vec<&str> = appendix[1..]
        .iter()
        .filter(|r| r.cells.len() == 1)
        .map(|r| r.cells[0].as_str())
        .collect();
    assert_eq!(
        groups[0],
        "Nhiệm vụ 1: Duy trì mục tuyên truyền CCHC trên Trang TTĐT"
    );
    assert_eq!(groups.len(), 6);
    assert_eq!(body.len(), data.rows_included);
    assert_eq!(
        data.rows_included,
        files().iter().map(|f| f.rows.len()).sum::<usize>()
    );
    assert!(body.iter().all(|r| r.cant_split && !r.header));
    for f in files() {
        for r in &f.rows {
            let evidence = r.evidence.as_deref().unwrap();
            let hits: Vec<&&Row> = body.iter().filter(|b| b.cells[8] == evidence).collect();
            assert_eq!(hits.len(), 1, "{evidence}");
            // Units by short name, never by code.
            assert_eq!(hits[0].cells[1], plan().unit(&r.unit).unwrap().short_name);
            assert_eq!(hits[0].cells[3], r.activity);
        }
    }
    // Numbered 1..n, grouped by task.
    let tasks: Vec<u32> = body.iter().map(|r| r.cells[2].parse().unwrap()).collect();
    assert!(tasks.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(
        body.last().unwrap().cells[0],
        data.rows_included.to_string()
    );
    assert!(xml.contains("<w:tblHeader/>"));
}

#[test]
fn distribution_list_and_signer() {
    let (doc, _) = doc();
    let end = end_block(&doc);
    assert_eq!(
        end[0].cells[0],
        "Nơi nhận:\n- UBND tỉnh (b/cáo);\n- Sở Thông tin và Truyền thông;\n- Sở Nội vụ;\n- GĐ, các PGĐ Sở;\n- Lưu: VT, HCTH."
    );
    assert_eq!(end[0].cells[1], "GIÁM ĐỐC\nNguyễn Văn Thành");

    let mut texts = Texts::shipped();
    texts.signer.authority = Some("KT. GIÁM ĐỐC".into());
    texts.signer.title = "PHÓ GIÁM ĐỐC".into();
    let bytes = report_docx(&data(&files()), &plan(), &texts, None).unwrap();
    let doc = read_doc(&part(&bytes, "word/document.xml"));
    let end = end_block(&doc);
    assert_eq!(
        end[0].cells[1],
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn Thành"
    );
}

#[test]
fn core_properties_use_the_given_date() {
    let core = part(&render(Some(d(2024, 11, 25))), "docProps/core.xml");
    assert!(core.contains(">2024-11-25T00:00:00Z</dcterms:created>"));
    let core = part(&render(None), "docProps/core.xml");
    assert!(core.contains(">2024-11-30T00:00:00Z</dcterms:modified>"));
}

#[test]
fn same_input_same_bytes_across_runs_and_threads() {
    let a = render(None);
    assert_eq!(a, render(None));
    let handles: Vec<_> = (0..2)
        .map(|_| std::thread::spawn(|| render(None)))
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), a);
    }
    let mut reversed = files();
    reversed.reverse();
    let data = aggregate(&plan(), &reversed, &exclusions());
    assert_eq!(
        report_docx(&data, &plan(), &Texts::shipped(), None).unwrap(),
        a
    );
}

#[test]
fn package_passes_the_ooxml_validator() {
    let has_lxml = std::process::Command::new("python3")
        .args(["-c", "import lxml"])
        .output()
        .is_ok_and(|o| o.status.success());
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/ooxml_validate.py");
    let tool = if tool.exists() {
        tool
    } else {
        PathBuf::from("/work/shared/tools/ooxml_validate.py")
    };
    if !has_lxml || !tool.exists() {
        println!(
            "note: skipping the OOXML schema check (needs python3 with lxml and {})",
            tool.display()
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let empty = aggregate(&plan(), &[], &[]);
    for (name, bytes) in [
        ("dated.docx", render(Some(d(2025, 1, 5)))),
        ("blank.docx", render(None)),
        (
            "empty.docx",
            report_docx(&empty, &plan(), &Texts::shipped(), None).unwrap(),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = std::process::Command::new("python3")
            .arg(&tool)
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
