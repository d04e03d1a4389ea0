//! Legacy-encoded (TCVN3, VNI) unit spreadsheets end to end through the real
//! binary: `check` gives exactly one W203 (count, first cell) and nothing else;
//! `compile` writes a report with the converted Unicode text. Negative cases:
//! Unicode Vietnamese, English, URLs with `©`, `½` → no W203.
//!
//! The .xlsx fixtures are written here with rust_xlsxwriter (font name per cell);
//! the committed .xls/.ods ones in `tests/fixtures/legacy/` are the same files
//! converted by LibreOffice (`tests/fixtures/legacy/make.sh` regenerates them).

mod common;

use std::path::{Path, PathBuf};

use baocao::read::legacy::{encode, Encoding};
use common::docx::document_xml;
use common::{baocao, samples_copy, Row, HEADER, TITLE};
use rust_xlsxwriter::{Format, Workbook};
use serde_json::Value;

const UNIT: &str = "Đơn vị: Trung tâm Ứng dụng và Dịch vụ KH&CN";

/// TTUD's four lead tasks (as in `tests/cli_check.rs`), with distinctive
/// activity texts to find in the report.
const ROWS: [Row<'static>; 4] = [
    [
        "1",
        "Cập nhật tin bài về cải cách hành chính trên Cổng thông tin",
        "12",
        "tin",
        "Thường xuyên",
        "Hoàn thành",
        "1, 2",
        "",
    ],
    [
        "2",
        "Đăng tải đầy đủ thủ tục hành chính lĩnh vực ứng dụng",
        "30",
        "thủ tục",
        "Cả năm",
        "Hoàn thành",
        "2",
        "",
    ],
    [
        "3",
        "Xuất bản bản tin khoa học và công nghệ quý",
        "4",
        "bản tin",
        "Quý II/2024",
        "Hoàn thành",
        "",
        "",
    ],
    [
        "4",
        "Tuyên truyền hưởng ứng ngày Khoa học và Công nghệ Việt Nam",
        "5",
        "tin/bài",
        "18/05/2024",
        "Hoàn thành",
        "",
        "",
    ],
];

/// How the text of a fixture is typed.
#[derive(Clone, Copy)]
struct Style {
    /// `None`: Unicode.
    enc: Option<Encoding>,
    /// Body font.
    font: &'static str,
    /// Title font (`.VnTimeH`: upper case drawn from lower-case codes).
    title_font: &'static str,
}

const TCVN3: Style = Style {
    enc: Some(Encoding::Tcvn3),
    font: ".VnTime",
    title_font: ".VnTimeH",
};
const VNI: Style = Style {
    enc: Some(Encoding::Vni),
    font: "VNI-Times",
    title_font: "VNI-Times",
};
/// TCVN3 text without font evidence: detection from the text alone.
const TCVN3_NO_FONT: Style = Style {
    enc: Some(Encoding::Tcvn3),
    font: "Calibri",
    title_font: "Calibri",
};
const UNICODE: Style = Style {
    enc: None,
    font: "Times New Roman",
    title_font: "Times New Roman",
};

fn typed(s: &str, enc: Option<Encoding>) -> String {
    match enc {
        Some(e) => encode(s, e),
        None => s.to_string(),
    }
}

/// Writes a TTUD results file: title A1, unit A3, header row 6, rows from 7.
fn write_unit(path: &Path, style: Style, rows: &[Row]) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Ket qua").unwrap();
    let body = Format::new().set_font_name(style.font);
    let title = Format::new().set_font_name(style.title_font).set_bold();
    // A `…H` font shows lower-case codes as capitals: type the title in lower case.
    let title_text = if style.title_font.ends_with('H') {
        typed(&TITLE.to_lowercase(), style.enc)
    } else {
        typed(TITLE, style.enc)
    };
    ws.write_string_with_format(0, 0, &title_text, &title)
        .unwrap();
    ws.write_string_with_format(2, 0, typed(UNIT, style.enc), &body)
        .unwrap();
    for (c, h) in HEADER.iter().enumerate() {
        ws.write_string_with_format(5, c as u16, typed(h, style.enc), &body)
            .unwrap();
    }
    for (i, r) in rows.iter().enumerate() {
        let row = 6 + i as u32;
        ws.write_number_with_format(row, 0, (i + 1) as f64, &body)
            .unwrap();
        for (j, v) in r.iter().enumerate() {
            let col = 1 + j as u16;
            if v.is_empty() {
                continue;
            }
            match v.parse::<i64>() {
                Ok(n) if j == 0 || j == 2 => ws
                    .write_number_with_format(row, col, n as f64, &body)
                    .unwrap(),
                _ => ws
                    .write_string_with_format(row, col, typed(v, style.enc), &body)
                    .unwrap(),
            };
        }
    }
    wb.save(path).unwrap();
}

fn check_json(path: &Path) -> Value {
    common::check_json(&[path], &[]).1
}

fn findings(v: &Value) -> Vec<(String, String, String)> {
    v["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["cell"].as_str().unwrap_or("-").to_string(),
                f["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

/// Number of text cells a fixture writes with a legacy code in them (text of
/// plain ASCII such as `STT`, `tin`, `18/05/2024` is the same in every encoding):
/// the title (a `…H` font), the unit, the headers and the rows' text cells.
fn legacy_cells(rows: &[Row], enc: Encoding) -> usize {
    let coded = |s: &str| !encode(s, enc).is_ascii();
    1 + usize::from(coded(UNIT))
        + HEADER.iter().filter(|h| coded(h)).count()
        + rows
            .iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .filter(|(j, v)| {
                        !((*j == 0 || *j == 2) && v.parse::<i64>().is_ok()) && coded(v)
                    })
                    .count()
            })
            .sum::<usize>()
}

/// Asserts exactly one finding, W203 at A1, naming `encoding` and `count` cells.
fn assert_only_w203(path: &Path, encoding: &str, count: usize) {
    let v = check_json(path);
    let f = findings(&v);
    assert_eq!(f.len(), 1, "{f:?}");
    let (code, cell, msg) = &f[0];
    assert_eq!((code.as_str(), cell.as_str()), ("W203", "A1"), "{f:?}");
    assert!(msg.contains(&format!("Có {count} ô")), "{msg}");
    assert!(msg.contains(encoding), "{msg}");
    assert_eq!(v["files"][0]["unit"], "TTUD", "{v}");
    assert_eq!(v["files"][0]["rows"], ROWS.len(), "{v}");
}

fn fixture(name: &str) -> PathBuf {
    common::fixture("legacy", name)
}

#[test]
fn tcvn3_with_vntime_fonts_checks_with_only_w203() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("TTUD.xlsx");
    write_unit(&p, TCVN3, &ROWS);
    let n = legacy_cells(&ROWS, Encoding::Tcvn3);
    assert_eq!(n, 24);
    assert_only_w203(&p, "TCVN3", n);
}

#[test]
fn vni_with_vni_fonts_checks_with_only_w203() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("TTUD.xlsx");
    write_unit(&p, VNI, &ROWS);
    // Cells whose text has no VNI code (e.g. `tin`, `STT`) are not converted.
    assert_only_w203(&p, "VNI", legacy_cells(&ROWS, Encoding::Vni));
}

#[test]
fn tcvn3_without_font_evidence_is_detected_from_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("TTUD.xlsx");
    write_unit(&p, TCVN3_NO_FONT, &ROWS);
    let v = check_json(&p);
    let f = findings(&v);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].0.as_str(), f[0].1.as_str()), ("W203", "A1"));
    assert!(f[0].2.contains("TCVN3"), "{f:?}");
    assert_eq!(v["files"][0]["unit"], "TTUD");
    assert_eq!(v["files"][0]["rows"], ROWS.len());
}

#[test]
fn unicode_english_urls_and_symbols_give_no_w203() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("TTUD.xlsx");
    let mut rows = ROWS.to_vec();
    rows.push([
        "4",
        "Update the website news © 2024 (see https://skhcn.quangngai.gov.vn/©2024/tin-bai?id=5&x=½)",
        "2",
        "tin/bài",
        "18/05/2024",
        "Hoàn thành",
        "",
        "https://skhcn.quangngai.gov.vn/tin-tuc/©-ban-quyen",
    ]);
    rows.push([
        "4",
        "Phát ½ số tờ rơi còn lại; café sáng thứ Hai với đơn vị µm",
        "1",
        "tin/bài",
        "18/05/2024",
        "Hoàn thành",
        "",
        "Email: ttud@quangngai.gov.vn",
    ]);
    write_unit(&p, UNICODE, &rows);
    let v = check_json(&p);
    let f = findings(&v);
    assert!(f.iter().all(|(c, _, _)| c != "W203"), "{f:?}");
    assert_eq!(f, vec![], "{f:?}");
}

/// The shipped samples, minus TTUD's, plus `legacy` as TTUD's file.
fn compile_with(legacy: &Path, name: &str) -> String {
    let (dir, input) = samples_copy(&["TTUD.xlsx"]);
    std::fs::copy(legacy, input.join(name)).unwrap();
    let out = dir.path().join("out.docx");
    let o = baocao(&[
        "compile",
        "--input",
        input.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--date",
        "2024-11-28",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    document_xml(&out)
}

fn assert_report_has_unicode(xml: &str, enc: Encoding) {
    assert!(baocao::text::is_nfc(xml));
    for r in &ROWS {
        assert!(xml.contains(r[1]), "missing {:?}", r[1]);
        let legacy = encode(r[1], enc);
        assert!(
            !xml.contains(&legacy),
            "legacy text {legacy:?} in the report"
        );
    }
}

#[test]
fn tcvn3_file_compiles_into_a_unicode_report() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("TTUD.xlsx");
    write_unit(&p, TCVN3, &ROWS);
    let xml = compile_with(&p, "TTUD.xlsx");
    assert_report_has_unicode(&xml, Encoding::Tcvn3);
}

#[test]
fn vni_file_compiles_into_a_unicode_report() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("TTUD.xlsx");
    write_unit(&p, VNI, &ROWS);
    let xml = compile_with(&p, "TTUD.xlsx");
    assert_report_has_unicode(&xml, Encoding::Vni);
}

#[test]
fn tcvn3_without_font_compiles_into_a_unicode_report() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("TTUD.xlsx");
    write_unit(&p, TCVN3_NO_FONT, &ROWS);
    let xml = compile_with(&p, "TTUD.xlsx");
    assert_report_has_unicode(&xml, Encoding::Tcvn3);
}

/// Regenerates the .xlsx sources of the committed .xls/.ods fixtures (run by
/// `tests/fixtures/legacy/make.sh` with `BAOCAO_WRITE_LEGACY_FIXTURES=DIR`).
#[test]
fn write_fixture_sources() {
    let Ok(dir) = std::env::var("BAOCAO_WRITE_LEGACY_FIXTURES") else {
        return;
    };
    let dir = Path::new(&dir);
    write_unit(&dir.join("ttud-tcvn3.xlsx"), TCVN3, &ROWS);
    write_unit(&dir.join("ttud-vni.xlsx"), VNI, &ROWS);
    write_unit(&dir.join("ttud-tcvn3-nofont.xlsx"), TCVN3_NO_FONT, &ROWS);
}

/// Font evidence is read from each format: with `.VnTime`/`VNI-Times` every
/// coded cell is converted (the text alone leaves one short cell), and the
/// `.VnTimeH` title typed in lower-case codes reads as upper case.
#[test]
fn font_names_are_read_from_xlsx_xls_and_ods() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("ttud-tcvn3.xlsx");
    write_unit(&xlsx, TCVN3, &ROWS);
    let vni = dir.path().join("ttud-vni.xlsx");
    write_unit(&vni, VNI, &ROWS);
    for (p, enc) in [
        (xlsx, Encoding::Tcvn3),
        (fixture("ttud-tcvn3.xls"), Encoding::Tcvn3),
        (fixture("ttud-tcvn3.ods"), Encoding::Tcvn3),
        (vni, Encoding::Vni),
        (fixture("ttud-vni.xls"), Encoding::Vni),
        (fixture("ttud-vni.ods"), Encoding::Vni),
    ] {
        let wb = baocao::read::open(&p, &baocao::read::Limits::default()).unwrap();
        let g = &wb.sheets[0];
        assert_eq!(g.fixes.len(), legacy_cells(&ROWS, enc), "{}", p.display());
        let title = g.get(0, 0).and_then(|v| v.as_text()).unwrap();
        assert_eq!(title, TITLE, "{}", p.display());
        // TCVN3 has no toned capitals outside `…H` fonts: `Ứng` is typed (and
        // read back) as `ứng` in `.VnTime`.
        let same = |got: &str, want: &str| match enc {
            Encoding::Tcvn3 => got.to_lowercase() == want.to_lowercase(),
            Encoding::Vni => got == want,
        };
        let unit = g.get(2, 0).and_then(|v| v.as_text()).unwrap();
        assert!(same(unit, UNIT), "{}: {unit}", p.display());
        for (c, h) in HEADER.iter().enumerate() {
            let got = g.get(5, c as u32).and_then(|v| v.as_text()).unwrap();
            assert_eq!(got, *h, "{}", p.display());
        }
        for (i, r) in ROWS.iter().enumerate() {
            for (j, v) in r.iter().enumerate() {
                if let Some(got) = g.get(6 + i as u32, 1 + j as u32).and_then(|v| v.as_text()) {
                    assert!(same(got, v), "{}: {got}", p.display());
                }
            }
        }
    }
}

#[test]
fn committed_xls_and_ods_fixtures_check_with_only_w203() {
    for (name, enc) in [
        ("ttud-tcvn3.xls", "TCVN3"),
        ("ttud-tcvn3.ods", "TCVN3"),
        ("ttud-vni.xls", "VNI"),
        ("ttud-vni.ods", "VNI"),
        ("ttud-tcvn3-nofont.xls", "TCVN3"),
        ("ttud-tcvn3-nofont.ods", "TCVN3"),
    ] {
        let p = fixture(name);
        let v = check_json(&p);
        let f = findings(&v);
        assert_eq!(f.len(), 1, "{name}: {f:?}");
        assert_eq!(
            (f[0].0.as_str(), f[0].1.as_str()),
            ("W203", "A1"),
            "{name}: {f:?}"
        );
        assert!(f[0].2.contains(enc), "{name}: {f:?}");
        assert_eq!(v["files"][0]["unit"], "TTUD", "{name}");
        assert_eq!(v["files"][0]["rows"], ROWS.len(), "{name}");
    }
}

#[test]
fn committed_fixtures_compile_into_a_unicode_report() {
    for (name, enc) in [
        ("ttud-tcvn3.xls", Encoding::Tcvn3),
        ("ttud-vni.ods", Encoding::Vni),
    ] {
        let ext = name.rsplit('.').next().unwrap();
        let xml = compile_with(&fixture(name), &format!("TTUD.{ext}"));
        assert_report_has_unicode(&xml, enc);
    }
}
