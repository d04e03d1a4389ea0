//! The package around `word/document.xml`: content types, relationships, styles,
//! settings, font table, the page-number headers and the document properties, zipped
//! with deflate and fixed entry times so the same report gives the same bytes.

use std::io::{Cursor, Write};

use anyhow::{Context, Result};
use chrono::NaiveDate;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime};

use super::xml::{escape, Align, Font, Para};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Relationship ids of the header parts, used by the section properties.
pub const HEADER_PAGE_NUMBER: &str = "rIdHeaderPage";
pub const HEADER_FIRST_EMPTY: &str = "rIdHeaderFirst";

/// Document properties written into `docProps/core.xml`.
pub struct Properties<'a> {
    pub title: &'a str,
    pub author: &'a str,
    pub date: NaiveDate,
}

/// `word/document.xml` around the body XML: what comes before and after it.
fn document_wrapper() -> (String, &'static str) {
    (
        format!(r#"{XML_DECL}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>"#),
        "</w:body></w:document>",
    )
}

/// Zips the parts into a .docx; `body` writes the content of `w:body` straight
/// into the package's deflate stream, as it is laid out.
pub fn package(
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    props: &Properties<'_>,
    page_number_size: u32,
) -> Result<Vec<u8>> {
    let header_page = header_part(
        Para::new(Align::Center, page_number_size).page_field(Font::new(page_number_size)),
    );
    let header_first = header_part(Para::new(Align::Center, page_number_size));
    let (document_head, document_tail) = document_wrapper();
    let parts: [(&str, [&str; 3]); 11] = [
        ("[Content_Types].xml", [&content_types(), "", ""]),
        ("_rels/.rels", [&package_rels(), "", ""]),
        ("docProps/core.xml", [&core(props), "", ""]),
        ("docProps/app.xml", [&app(), "", ""]),
        ("word/document.xml", [&document_head, "", document_tail]),
        ("word/_rels/document.xml.rels", [&document_rels(), "", ""]),
        ("word/styles.xml", [&super::styles::styles(), "", ""]),
        ("word/settings.xml", [&settings(), "", ""]),
        ("word/fontTable.xml", [&font_table(), "", ""]),
        ("word/header1.xml", [&header_page, "", ""]),
        ("word/header2.xml", [&header_first, "", ""]),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    // 1980-01-01 00:00, the zip epoch: no clock time in the package.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644)
        // The zip crate records the building OS (DOS on Windows): fixed, so the
        // Windows .exe writes the same bytes as the Linux build.
        .system(zip::System::Unix);
    let mut body = Some(body);
    for (name, [head, _, tail]) in &parts {
        zip.start_file(*name, options)
            .with_context(|| format!("writing {name}"))?;
        zip.write_all(head.as_bytes())
            .with_context(|| format!("writing {name}"))?;
        if *name == "word/document.xml" {
            if let Some(body) = body.take() {
                body(&mut zip).with_context(|| format!("writing {name}"))?;
            }
        }
        zip.write_all(tail.as_bytes())
            .with_context(|| format!("writing {name}"))?;
    }
    Ok(zip
        .finish()
        .context("finishing the .docx package")?
        .into_inner())
}

fn header_part(p: Para) -> String {
    let mut body = String::new();
    p.write(&mut body);
    format!(r#"{XML_DECL}<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{body}</w:hdr>"#)
}

fn content_types() -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        r#"{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/><Override PartName="/word/settings.xml" ContentType="{wml}.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="{wml}.fontTable+xml"/><Override PartName="/word/header1.xml" ContentType="{wml}.header+xml"/><Override PartName="/word/header2.xml" ContentType="{wml}.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#
    )
}

fn package_rels() -> String {
    format!(
        r#"{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

fn document_rels() -> String {
    let t = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    format!(
        r#"{XML_DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="{t}/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="{t}/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="{t}/fontTable" Target="fontTable.xml"/><Relationship Id="{HEADER_PAGE_NUMBER}" Type="{t}/header" Target="header1.xml"/><Relationship Id="{HEADER_FIRST_EMPTY}" Type="{t}/header" Target="header2.xml"/></Relationships>"#
    )
}

fn core(p: &Properties<'_>) -> String {
    let when = format!("{}T00:00:00Z", p.date.format("%Y-%m-%d"));
    format!(
        r#"{XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>vi-VN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>"#,
        title = escape(p.title),
        author = escape(p.author),
    )
}

fn app() -> String {
    format!(
        r#"{XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>baocao {}</Application></Properties>"#,
        env!("CARGO_PKG_VERSION")
    )
}

fn settings() -> String {
    format!(
        r#"{XML_DECL}<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}

fn font_table() -> String {
    format!(
        r#"{XML_DECL}<w:fonts xmlns:w="{W_NS}"><w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#
    )
}
