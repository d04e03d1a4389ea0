//! `baocao check --format json` on committed fixture spreadsheets, every code of
//! the catalogue that a single file can show, in .xlsx, .xls and .ods alike.
//!
//! The fixtures live in `tests/fixtures/check/`: each `NAME.fods` (flat ODS, plain
//! XML, a comment on every bad row) is converted by LibreOffice to NAME.xlsx,
//! NAME.xls and NAME.ods (`make.sh`), and the same expectations run over all three.
//! E001 and E006 fixtures are built here; E002 is a committed encrypted xlsx.

mod common;
#[path = "fixtures/open/hostile_gen.rs"]
mod hostile_gen;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{check_json, code_cells};
use serde_json::Value;

const FORMATS: [&str; 3] = ["xlsx", "xls", "ods"];

fn fixture(name: &str) -> PathBuf {
    common::fixture("check", name)
}

type Found = BTreeSet<(String, String)>;

/// (code, cell or "-") of one file's findings.
fn found(file: &Value) -> Found {
    code_cells(file)
}

fn set(items: &[(&str, &str)]) -> Found {
    items
        .iter()
        .map(|(c, l)| (c.to_string(), l.to_string()))
        .collect()
}

/// The only finding of the only file, after checking it is `code` at no cell.
fn file_finding(v: &Value, code: &str) -> Value {
    let file = &v["files"][0];
    assert_eq!(found(file), set(&[(code, "-")]), "{v:#}");
    let f = file["findings"][0].clone();
    assert_eq!(f["row"], Value::Null);
    assert_eq!(file["unit"], Value::Null);
    f
}

#[test]
fn row_findings_at_their_cells_in_every_format() {
    let expected = set(&[
        ("E101", "B11"),
        ("E102", "B12"),
        ("W103", "B13"),
        ("E104", "D14"), // text 12,5
        ("E104", "D15"), // -3
        ("E104", "D16"), // 2.5
        ("E105", "G17"),
        ("E106", "F18"), // 05/18/2024, month-first
        ("E106", "F19"), // empty
        ("W107", "F20"),
        ("W108", "F21"),
        ("W109", "D22"),
        ("W110", "C24"),
        ("E111", "D25"), // #DIV/0!
        ("E111", "I26"), // #N/A
        ("E111", "H27"), // #VALUE!
        ("E112", "C28"),
        ("W113", "H29"),
        ("W114", "E30"),
        ("E115", "E31"),
    ]);
    for fmt in FORMATS {
        let p = fixture(&format!("rows.{fmt}"));
        let (code, v) = check_json(&[&p], &[]);
        let file = &v["files"][0];
        assert_eq!(found(file), expected, "rows.{fmt}");
        assert_eq!(code, Some(1), "rows.{fmt}");
        assert_eq!(file["unit"], "TTUD", "rows.{fmt}");
        assert_eq!(file["sheet"], "Kết quả", "rows.{fmt}");
        assert_eq!(file["rows"], 25, "rows.{fmt}");
        // Each finding's row is its cell's row; the messages quote what was found.
        let fs = file["findings"].as_array().unwrap();
        for f in fs {
            let cell = f["cell"].as_str().unwrap();
            let row: u64 = cell
                .trim_start_matches(char::is_alphabetic)
                .parse()
                .unwrap();
            assert_eq!(f["row"], row, "rows.{fmt} {f}");
        }
        let message = |cell: &str| {
            fs.iter()
                .find(|f| f["cell"] == cell)
                .unwrap_or_else(|| panic!("{cell}"))["message"]
                .as_str()
                .unwrap()
                .to_string()
        };
        assert!(message("D14").contains("12,5"), "rows.{fmt}");
        assert!(message("F18").contains("05/18/2024"), "rows.{fmt}");
        assert!(message("D25").contains("#DIV/0!"), "rows.{fmt}");
        assert!(message("I26").contains("#N/A"), "rows.{fmt}");
        assert!(message("H27").contains("#VALUE!"), "rows.{fmt}");
    }
}

#[test]
fn file_level_findings_in_every_format() {
    // (stem, expected findings, exit code, unit)
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], i32, Option<&'a str>);
    let cases: [Case; 7] = [
        ("e003", &[("E003", "-")], 1, None),
        ("ket-qua", &[("E004", "-")], 1, None),
        ("e005", &[("E005", "A3")], 1, None),
        ("w007", &[("W007", "A6")], 0, Some("QLKH")),
        ("e201", &[("E201", "-")], 1, Some("TTUD")),
        ("w202", &[("W202", "A4")], 0, Some("TTUD")),
        ("w203", &[("W203", "C11")], 0, Some("TTUD")),
    ];
    for (stem, want, exit, unit) in cases {
        for fmt in FORMATS {
            let name = format!("{stem}.{fmt}");
            let (code, v) = check_json(&[&fixture(&name)], &[]);
            let file = &v["files"][0];
            assert_eq!(found(file), set(want), "{name}");
            assert_eq!(code, Some(exit), "{name}");
            assert_eq!(file["unit"].as_str(), unit, "{name}");
            let message = file["findings"][0]["message"].as_str().unwrap();
            match stem {
                "e003" => assert!(message.contains("Số lượng"), "{name}: {message}"),
                "e005" => assert!(
                    message.contains("Phòng Quản lý Khoa hoc và Công nghệ"),
                    "{name}: {message}"
                ),
                "e201" => assert!(message.contains('4'), "{name}: {message}"),
                // One finding for the file, with the count (two NFD cells).
                "w203" => assert!(message.contains("2 ô"), "{name}: {message}"),
                _ => {}
            }
        }
    }
    // --unit settles E004, in every format.
    for fmt in FORMATS {
        let (code, v) = check_json(&[&fixture(&format!("ket-qua.{fmt}"))], &["--unit", "TTUD"]);
        assert_eq!((code, found(&v["files"][0])), (Some(0), set(&[])), "{fmt}");
    }
}

#[test]
fn e002_password_protected_in_every_format() {
    // .xlsx: ECMA-376 agile encryption (msoffcrypto-tool); .xls: RC4 CryptoAPI;
    // .ods: ODF package encryption (both saved by LibreOffice, see make.sh).
    for fmt in FORMATS {
        let name = format!("encrypted.{fmt}");
        let (code, v) = check_json(&[&fixture(&name)], &[]);
        assert_eq!(code, Some(1), "{name}");
        let f = file_finding(&v, "E002");
        assert_eq!(f["severity"], "error", "{name}");
    }
}

/// A .docx (a zip with word/document.xml) written with the zip crate.
fn docx(path: &Path) {
    use zip::write::SimpleFileOptions;
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let o = SimpleFileOptions::default();
    z.start_file("[Content_Types].xml", o).unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).unwrap();
    z.start_file("_rels/.rels", o).unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#).unwrap();
    z.start_file("word/document.xml", o).unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Bao cao ket qua</w:t></w:r></w:p></w:body></w:document>"#).unwrap();
    z.finish().unwrap();
}

#[test]
fn e001_docx_renamed_truncated_and_random_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases = Vec::new();
    let p = dir.path().join("TTUD.xlsx");
    docx(&p);
    cases.push(p);
    // The first half of each converted fixture, under its own extension.
    for fmt in FORMATS {
        let bytes = std::fs::read(fixture(&format!("rows.{fmt}"))).unwrap();
        let p = dir.path().join(format!("TTUD-truncated.{fmt}"));
        std::fs::write(&p, &bytes[..bytes.len() / 2]).unwrap();
        cases.push(p);
    }
    // 4 KiB of pseudo-random bytes (xorshift, fixed seed).
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let p = dir.path().join("TTUD-noise.xlsx");
    std::fs::write(&p, noise).unwrap();
    cases.push(p);
    for p in &cases {
        let (code, v) = check_json(&[p], &[]);
        assert_eq!(code, Some(1), "{}", p.display());
        let f = file_finding(&v, "E001");
        assert_eq!(f["severity"], "error", "{}", p.display());
    }
}

/// An xlsx written with the zip crate whose sheet has cells at A1 and XFD1048576.
fn far_cells(path: &Path) {
    use zip::write::SimpleFileOptions;
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let o = SimpleFileOptions::default();
    let parts: [(&str, &str); 5] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Kết quả" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        (
            "xl/worksheets/sheet1.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData></worksheet>"#,
        ),
    ];
    for (name, body) in parts {
        z.start_file(name, o).unwrap();
        z.write_all(body.as_bytes()).unwrap();
    }
    z.finish().unwrap();
}

/// Checks one hostile file through the binary: E006, exit 1 (not killed by a
/// signal), promptly, and the message names the limit (`words`, in each language).
fn expect_e006(p: &Path, vi: &[&str], en: &[&str]) {
    for (lang, words) in [("vi", vi), ("en", en)] {
        let t = Instant::now();
        let (code, v) = check_json(&[p], &["--lang", lang]);
        let took = t.elapsed();
        assert_eq!(code, Some(1), "{} {lang}", p.display());
        assert!(took < Duration::from_secs(60), "{}: {took:?}", p.display());
        let f = file_finding(&v, "E006");
        let m = f["message"].as_str().unwrap();
        for w in words {
            assert!(m.contains(w), "{} {lang}: {w:?} not in {m:?}", p.display());
        }
    }
}

#[test]
fn e006_far_cells_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("TTUD.xlsx");
    far_cells(&p);
    // The row limit, with the row found.
    expect_e006(&p, &["dòng", "1048576"], &["rows", "1048576"]);
}

#[test]
fn e006_deflate_bomb_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let p = hostile_gen::deflate_bomb(dir.path(), false);
    expect_e006(&p, &["giải nén"], &["uncompressed"]);
}

#[test]
fn the_batch_goes_on_after_hostile_files() {
    let dir = tempfile::tempdir().unwrap();
    let far = dir.path().join("hostile.xlsx");
    far_cells(&far);
    let bomb = hostile_gen::deflate_bomb(dir.path(), false);
    let noise = dir.path().join("noise.xlsx");
    std::fs::write(&noise, b"PK\x03\x04 not really a zip").unwrap();
    let encrypted = fixture("encrypted.xlsx");
    let ttud = Path::new("input/TTUD.xlsx");
    let (code, v) = check_json(&[&far, &bomb, &noise, &encrypted, ttud], &[]);
    assert_eq!(code, Some(1));
    let files = v["files"].as_array().unwrap();
    let codes: Vec<Found> = files.iter().map(found).collect();
    assert_eq!(
        codes,
        [
            set(&[("E006", "-")]),
            set(&[("E006", "-")]),
            set(&[("E001", "-")]),
            set(&[("E002", "-")]),
            set(&[]),
        ]
    );
    let last = &files[4];
    assert_eq!(last["path"], "input/TTUD.xlsx");
    assert_eq!(last["unit"], "TTUD");
    assert!(last["rows"].as_u64().unwrap() > 0);
    assert_eq!(v["summary"]["errors"], 4);
    // And alone, TTUD is clean.
    let (code, v) = check_json(&[ttud], &[]);
    assert_eq!((code, found(&v["files"][0])), (Some(0), set(&[])));
}

/// The converted fixtures really are three formats (the reader goes by content,
/// so a mislabelled conversion would otherwise pass unnoticed).
#[test]
fn fixtures_are_what_their_extension_says() {
    let stems = [
        "rows", "e003", "ket-qua", "e005", "w007", "e201", "w202", "w203",
    ];
    for stem in stems {
        for fmt in FORMATS {
            let name = format!("{stem}.{fmt}");
            let b = std::fs::read(fixture(&name)).unwrap();
            let has = |s: &[u8]| b.windows(s.len()).any(|w| w == s);
            let ok = match fmt {
                "xls" => b.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
                "ods" => {
                    b.starts_with(b"PK\x03\x04")
                        && has(b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet")
                }
                _ => b.starts_with(b"PK\x03\x04") && has(b"xl/workbook.xml"),
            };
            assert!(ok, "{name} is not a .{fmt}");
        }
    }
}

#[test]
fn e006_in_xls_and_ods_through_the_binary() {
    // .xls: cells at A1 and GR65536 (the committed tests/fixtures/open/dense.xls).
    expect_e006(
        &hostile_gen::dense_xls(),
        &["ô", "4000000"],
        &["cells", "4000000"],
    );
    // .ods: one non-empty row repeated a million times.
    let dir = tempfile::tempdir().unwrap();
    let p = hostile_gen::ods_repeated_rows(dir.path());
    expect_e006(&p, &["dòng", "100000"], &["rows", "100000"]);
}
