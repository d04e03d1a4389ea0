//! Library-level tests of `baocao::read::open` on each supported format and on
//! files that are not spreadsheets.

use std::io::Write;
use std::path::{Path, PathBuf};

use baocao::read::{open, CellValue, Format, Limits, ReadError, Rect, TextFix, Workbook};
use chrono::NaiveDate;

const NFD: &str = "Ke\u{302}\u{301}t qua\u{309}";
const NFC: &str = "Kết quả";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/open")
        .join(name)
}

fn copy_as(src: &Path, dir: &Path, name: &str) -> PathBuf {
    let dst = dir.join(name);
    std::fs::copy(src, &dst).unwrap();
    dst
}

/// Writes a minimal xlsx package by hand (one sheet, given sheetData body).
fn raw_xlsx(path: &Path, date1904: bool, sheet_data: &str) {
    let f = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(f);
    let o = zip::write::SimpleFileOptions::default();
    let parts: [(&str, String); 6] = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#.into()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into()),
        ("xl/workbook.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="{}"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#, if date1904 { 1 } else { 0 })),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.into()),
        ("xl/styles.xml", r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>"#.into()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#)),
    ];
    for (name, body) in parts {
        z.start_file(name, o).unwrap();
        z.write_all(body.as_bytes()).unwrap();
    }
    z.finish().unwrap();
}

fn writer_xlsx(path: &Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format as F, Workbook as W};
    let mut wb = W::new();
    let ws = wb.add_worksheet();
    ws.set_name("Kết quả").unwrap();
    ws.merge_range(0, 0, 0, 2, "BIỂU TỔNG HỢP", &F::new())
        .unwrap();
    ws.write_string(1, 0, NFD).unwrap();
    ws.write_number(1, 1, 42.0).unwrap();
    let date = ExcelDateTime::from_ymd(2024, 5, 15).unwrap();
    ws.write_datetime_with_format(1, 2, &date, &F::new().set_num_format("dd/mm/yyyy"))
        .unwrap();
    ws.write_string(2, 0, "   ").unwrap();
    ws.write_boolean(2, 1, true).unwrap();
    let ws2 = wb.add_worksheet();
    ws2.set_name("Sheet2").unwrap();
    ws2.write_string(0, 0, "second").unwrap();
    wb.save(path).unwrap();
}

/// The sample's first sheet merges A1:C1; its second sheet has `second` in A1.
fn assert_title_merge_and_second_sheet(wb: &Workbook) {
    assert_eq!(
        wb.sheets[0].merges,
        vec![Rect {
            first_row: 0,
            first_col: 0,
            last_row: 0,
            last_col: 2
        }]
    );
    assert_eq!(
        wb.sheets[1].get(0, 0),
        Some(&CellValue::Text("second".into()))
    );
}

fn expect_err(path: &Path) -> ReadError {
    match open(path, &Limits::default()) {
        Ok(wb) => panic!("expected an error, got {} sheets", wb.sheets.len()),
        Err(e) => e,
    }
}

#[test]
fn xlsx_reads_values_merges_dates_and_nfd_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("TTRA.XLSX");
    writer_xlsx(&p);
    let wb = open(&p, &Limits::default()).unwrap();
    assert_eq!(wb.format, Format::Xlsx);
    let names: Vec<_> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Kết quả", "Sheet2"]);
    let g = &wb.sheets[0];
    assert_eq!(g.get(0, 0), Some(&CellValue::Text("BIỂU TỔNG HỢP".into())));
    assert_eq!(g.get(1, 0), Some(&CellValue::Text(NFC.into())));
    assert_eq!(g.get(1, 1), Some(&CellValue::Number(42.0)));
    assert_eq!(
        g.get(1, 2),
        Some(&CellValue::Date(
            NaiveDate::from_ymd_opt(2024, 5, 15).unwrap()
        ))
    );
    assert_eq!(g.get(2, 0), None, "whitespace-only text is not stored");
    assert_eq!(g.get(2, 1), Some(&CellValue::Bool(true)));
    assert_eq!(g.fixes, vec![(1, 0, TextFix::Decomposed)]);
    assert_title_merge_and_second_sheet(&wb);
}

#[test]
fn xlsx_dates_in_both_epochs_and_error_cells() {
    let dir = tempfile::tempdir().unwrap();
    let body = r#"<row r="1"><c r="A1" s="1"><v>45427</v></c><c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C1" t="e"><v>#REF!</v></c><c r="D1" t="e"><v>#N/A</v></c></row>"#;
    let p1900 = dir.path().join("d1900.xlsx");
    raw_xlsx(&p1900, false, body);
    let wb = open(&p1900, &Limits::default()).unwrap();
    let g = &wb.sheets[0];
    assert_eq!(
        g.get(0, 0),
        Some(&CellValue::Date(
            NaiveDate::from_ymd_opt(2024, 5, 15).unwrap()
        ))
    );
    assert_eq!(g.get(0, 1), Some(&CellValue::Error("#DIV/0!".into())));
    assert_eq!(g.get(0, 2), Some(&CellValue::Error("#REF!".into())));
    assert_eq!(g.get(0, 3), Some(&CellValue::Error("#N/A".into())));

    // Same serial in the 1904 system is 1462 days later.
    let p1904 = dir.path().join("d1904.xlsx");
    raw_xlsx(&p1904, true, body);
    let wb = open(&p1904, &Limits::default()).unwrap();
    assert_eq!(
        wb.sheets[0].get(0, 0),
        Some(&CellValue::Date(
            NaiveDate::from_ymd_opt(2028, 5, 16).unwrap()
        ))
    );
}

fn check_libreoffice_sample(path: &Path, format: Format) {
    let wb = open(path, &Limits::default()).unwrap();
    assert_eq!(wb.format, format);
    let names: Vec<_> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Kết quả", "Sheet2"]);
    let g = &wb.sheets[0];
    assert_eq!(g.get(0, 0), Some(&CellValue::Text("BIỂU TỔNG HỢP".into())));
    assert_eq!(g.get(1, 0), Some(&CellValue::Text(NFC.into())));
    assert!(
        g.fixes.contains(&(1, 0, TextFix::Decomposed)),
        "{:?}",
        g.fixes
    );
    assert_eq!(g.get(1, 1), Some(&CellValue::Number(42.0)));
    assert_eq!(
        g.get(1, 2),
        Some(&CellValue::Date(
            NaiveDate::from_ymd_opt(2024, 5, 15).unwrap()
        ))
    );
    assert_eq!(g.get(2, 0), Some(&CellValue::Error("#DIV/0!".into())));
    // LibreOffice stores an unstyled boolean as a number formatted TRUE/FALSE.
    assert!(matches!(
        g.get(2, 1),
        Some(&CellValue::Bool(true)) | Some(&CellValue::Number(1.0))
    ));
    assert_title_merge_and_second_sheet(&wb);
}

#[test]
fn xls_from_libreoffice() {
    check_libreoffice_sample(&fixture("sample.xls"), Format::Xls);
}

#[test]
fn xls_renamed_xlsx_reads_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let p = copy_as(&fixture("sample.xls"), dir.path(), "unit.xlsx");
    check_libreoffice_sample(&p, Format::Xls);
}

#[test]
fn ods_from_libreoffice() {
    check_libreoffice_sample(&fixture("sample.ods"), Format::Ods);
}

#[test]
fn docx_renamed_xlsx_is_not_a_spreadsheet() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("report.xlsx");
    let mut z = zip::ZipWriter::new(std::fs::File::create(&p).unwrap());
    z.start_file(
        "[Content_Types].xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    z.write_all(b"<Types/>").unwrap();
    z.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    z.write_all(b"<w:document/>").unwrap();
    z.finish().unwrap();
    assert_eq!(
        expect_err(&p),
        ReadError::NotSpreadsheet {
            found: baocao::read::FileKind::Docx
        }
    );
}

#[test]
fn pdf_and_csv_are_not_spreadsheets() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("a.xlsx");
    std::fs::write(&pdf, b"%PDF-1.7\n...").unwrap();
    assert_eq!(
        expect_err(&pdf),
        ReadError::NotSpreadsheet {
            found: baocao::read::FileKind::Pdf
        }
    );
    let csv = dir.path().join("b.xls");
    std::fs::write(&csv, "STT,Nhiệm vụ,Số lượng\n1,4,10\n").unwrap();
    assert!(
        matches!(expect_err(&csv), ReadError::NotSpreadsheet { found } if found == baocao::read::FileKind::Csv)
    );
}

#[test]
fn truncated_zip_is_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let full = dir.path().join("full.xlsx");
    writer_xlsx(&full);
    let bytes = std::fs::read(&full).unwrap();
    let cut = dir.path().join("cut.xlsx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    assert!(matches!(expect_err(&cut), ReadError::Corrupt { .. }));
    let tiny = dir.path().join("tiny.xlsx");
    std::fs::write(&tiny, b"PK\x03").unwrap();
    assert!(matches!(expect_err(&tiny), ReadError::Corrupt { .. }));
    let empty = dir.path().join("empty.xlsx");
    std::fs::write(&empty, b"").unwrap();
    assert!(matches!(expect_err(&empty), ReadError::Corrupt { .. }));
}

#[test]
fn truncated_xls_is_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(fixture("sample.xls")).unwrap();
    let cut = dir.path().join("cut.xls");
    std::fs::write(&cut, &bytes[..bytes.len() / 3]).unwrap();
    assert!(matches!(expect_err(&cut), ReadError::Corrupt { .. }));
}

#[test]
fn random_bytes_are_corrupt() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("noise.xlsx");
    // Deterministic pseudo-random bytes (xorshift), with NULs and invalid UTF-8.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(&p, bytes).unwrap();
    assert!(matches!(expect_err(&p), ReadError::Corrupt { .. }));
}

/// An OLE2 compound file with the streams of an encrypted OOXML package (as
/// Excel writes a password-protected .xlsx): header, one FAT sector, one
/// directory sector.
fn encrypted_ole() -> Vec<u8> {
    const END: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    let mut h = vec![0u8; 512];
    h[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    h[24..26].copy_from_slice(&0x3Eu16.to_le_bytes());
    h[26..28].copy_from_slice(&3u16.to_le_bytes());
    h[28..30].copy_from_slice(&0xFFFEu16.to_le_bytes());
    h[30..32].copy_from_slice(&9u16.to_le_bytes());
    h[32..34].copy_from_slice(&6u16.to_le_bytes());
    h[44..48].copy_from_slice(&1u32.to_le_bytes()); // FAT sectors
    h[48..52].copy_from_slice(&1u32.to_le_bytes()); // first directory sector
    h[56..60].copy_from_slice(&4096u32.to_le_bytes());
    h[60..64].copy_from_slice(&END.to_le_bytes());
    h[68..72].copy_from_slice(&END.to_le_bytes());
    for i in 0..109 {
        let v = if i == 0 { 0 } else { FREE };
        h[76 + 4 * i..80 + 4 * i].copy_from_slice(&v.to_le_bytes());
    }
    let mut fat = vec![0xFFu8; 512];
    fat[..4].copy_from_slice(&0xFFFF_FFFDu32.to_le_bytes()); // FAT sector itself
    fat[4..8].copy_from_slice(&END.to_le_bytes()); // directory
    let mut dir = vec![0u8; 512];
    for (i, (name, kind)) in [
        ("Root Entry", 5u8),
        ("EncryptionInfo", 2),
        ("EncryptedPackage", 2),
    ]
    .iter()
    .enumerate()
    {
        let e = &mut dir[i * 128..(i + 1) * 128];
        let units: Vec<u16> = name.encode_utf16().collect();
        for (j, u) in units.iter().enumerate() {
            e[2 * j..2 * j + 2].copy_from_slice(&u.to_le_bytes());
        }
        e[64..66].copy_from_slice(&(((units.len() + 1) * 2) as u16).to_le_bytes());
        e[66] = *kind;
        e[68..72].copy_from_slice(&FREE.to_le_bytes());
        e[72..76].copy_from_slice(&FREE.to_le_bytes());
        e[76..80].copy_from_slice(&if i == 0 { 1u32 } else { FREE }.to_le_bytes());
        e[116..120].copy_from_slice(&END.to_le_bytes());
    }
    // Root's child is entry 1, whose right sibling is entry 2.
    dir[128 + 72..128 + 76].copy_from_slice(&2u32.to_le_bytes());
    [h, fat, dir].concat()
}

#[test]
fn encrypted_xlsx_is_reported_as_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("secret.xlsx");
    std::fs::write(&p, encrypted_ole()).unwrap();
    assert_eq!(expect_err(&p), ReadError::Encrypted);
}

#[test]
fn missing_file_is_corrupt_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        expect_err(&dir.path().join("nope.xlsx")),
        ReadError::Corrupt { .. }
    ));
}
