//! `word/styles.xml`: the named paragraph and table styles that carry the
//! Nghị định 30 formatting, so the report edits like a document written in Word.
//! Headings have outline levels (Word's navigation pane shows the outline), a
//! paragraph typed after a heading is body text, and text a clerk adds to any
//! paragraph takes that paragraph's look. Built-in names (`heading 1`, `Body
//! Text`, `Title`, `Table Grid`) are used where Word has one, so Word shows them
//! under its own (localised) names; the others have Vietnamese names.

use std::fmt::Write;

use super::body::{AFTER, FIRST_LINE, LINE, S11, S12, S14};
use super::xml::fonts;

/// Body text: 14, justified, first-line indent 1.27 cm, 6 pt after, 1.2 lines.
pub const BODY: &str = "BodyText";
/// `I. …`: upper case, bold; outline level 1.
pub const HEADING_1: &str = "Heading1";
/// `1. …`: bold; outline level 2.
pub const HEADING_2: &str = "Heading2";
/// `a) …`: plain; outline level 3.
pub const HEADING_3: &str = "Heading3";
/// `BÁO CÁO` and the subject: 14, bold, centred.
pub const TITLE: &str = "Title";
/// Text in a table cell: 12, 2 pt before and after.
pub const TABLE_TEXT: &str = "TableText";
/// A table's header row: centred, bold.
pub const TABLE_HEADING: &str = "TableHeading";
/// The appendix's group row (`Nhiệm vụ 1: …`): bold, kept with the next row.
pub const TABLE_GROUP: &str = "TableGroup";
/// `Nơi nhận:`: 12, bold italic.
pub const RECIPIENTS_LABEL: &str = "RecipientsLabel";
/// The distribution list: 11.
pub const RECIPIENTS: &str = "Recipients";
/// The signer's title and name: 14, bold, centred.
pub const SIGNER: &str = "Signer";
/// `Phụ lục`: 14, bold, centred; outline level 1 (the appendix in the outline).
pub const APPENDIX_HEADING: &str = "AppendixHeading";
/// The appendix's title: 14, bold, centred.
pub const APPENDIX_TITLE: &str = "AppendixTitle";
/// Bordered tables: the summary table and the appendix.
pub const TABLE_GRID: &str = "TableGrid";
/// Borderless layout tables: the header block and the end block.
pub const LAYOUT_TABLE: &str = "LayoutTable";

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// One paragraph style, its elements in the schema's order.
struct ParaStyle {
    id: &'static str,
    name: &'static str,
    based_on: &'static str,
    next: Option<&'static str>,
    /// Inner XML of `w:pPr`, without `w:outlineLvl`.
    ppr: String,
    outline: Option<u32>,
    /// Inner XML of `w:rPr`.
    rpr: String,
}

fn size(half_points: u32) -> String {
    format!(r#"<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>"#)
}

const BOLD: &str = "<w:b/><w:bCs/>";
const ITALIC: &str = "<w:i/><w:iCs/>";
const KEEP_NEXT: &str = "<w:keepNext/>";

fn spacing(before: u32, after: u32, line: Option<u32>) -> String {
    match line {
        Some(l) => format!(
            r#"<w:spacing w:before="{before}" w:after="{after}" w:line="{l}" w:lineRule="auto"/>"#
        ),
        None => format!(r#"<w:spacing w:before="{before}" w:after="{after}"/>"#),
    }
}

fn jc(v: &str) -> String {
    format!(r#"<w:jc w:val="{v}"/>"#)
}

fn paragraph_styles() -> Vec<ParaStyle> {
    let body_ppr = format!(
        r#"{}<w:ind w:firstLine="{FIRST_LINE}"/>{}"#,
        spacing(0, AFTER, Some(LINE)),
        jc("both")
    );
    let heading = |id, name, outline, bold: bool| ParaStyle {
        id,
        name,
        based_on: BODY,
        next: Some(BODY),
        ppr: KEEP_NEXT.to_string(),
        outline: Some(outline),
        rpr: if bold {
            BOLD.to_string()
        } else {
            String::new()
        },
    };
    let centred_bold = |id, name, outline| ParaStyle {
        id,
        name,
        based_on: "Normal",
        next: None,
        ppr: format!("{KEEP_NEXT}{}", jc("center")),
        outline,
        rpr: format!("{BOLD}{}", size(S14)),
    };
    vec![
        ParaStyle {
            id: BODY,
            name: "Body Text",
            based_on: "Normal",
            next: None,
            ppr: body_ppr,
            outline: None,
            rpr: size(S14),
        },
        heading(HEADING_1, "heading 1", 0, true),
        heading(HEADING_2, "heading 2", 1, true),
        heading(HEADING_3, "heading 3", 2, false),
        centred_bold(TITLE, "Title", None),
        ParaStyle {
            id: TABLE_TEXT,
            name: "Bảng - nội dung",
            based_on: "Normal",
            next: None,
            ppr: format!("{}{}", spacing(40, 40, None), jc("left")),
            outline: None,
            rpr: size(S12),
        },
        ParaStyle {
            id: TABLE_HEADING,
            name: "Bảng - dòng tiêu đề",
            based_on: TABLE_TEXT,
            next: None,
            ppr: jc("center"),
            outline: None,
            rpr: BOLD.to_string(),
        },
        ParaStyle {
            id: TABLE_GROUP,
            name: "Bảng - nhóm nhiệm vụ",
            based_on: TABLE_TEXT,
            next: None,
            ppr: KEEP_NEXT.to_string(),
            outline: None,
            rpr: BOLD.to_string(),
        },
        ParaStyle {
            id: RECIPIENTS_LABEL,
            name: "Nơi nhận",
            based_on: "Normal",
            next: Some(RECIPIENTS),
            ppr: format!("{}{}", spacing(240, 0, None), jc("left")),
            outline: None,
            rpr: format!("{BOLD}{ITALIC}{}", size(S12)),
        },
        ParaStyle {
            id: RECIPIENTS,
            name: "Nơi nhận - danh sách",
            based_on: "Normal",
            next: None,
            ppr: jc("left"),
            outline: None,
            rpr: size(S11),
        },
        ParaStyle {
            id: SIGNER,
            name: "Chức vụ, họ tên người ký",
            based_on: "Normal",
            next: None,
            ppr: jc("center"),
            outline: None,
            rpr: format!("{BOLD}{}", size(S14)),
        },
        centred_bold(APPENDIX_HEADING, "Phụ lục", Some(0)),
        centred_bold(APPENDIX_TITLE, "Phụ lục - tên", None),
    ]
}

fn write_para_style(out: &mut String, s: &ParaStyle) {
    let _ = write!(
        out,
        r#"<w:style w:type="paragraph"{} w:styleId="{}"><w:name w:val="{}"/><w:basedOn w:val="{}"/>"#,
        custom(s.name),
        s.id,
        s.name,
        s.based_on
    );
    if let Some(n) = s.next {
        let _ = write!(out, r#"<w:next w:val="{n}"/>"#);
    }
    if s.outline.is_some() {
        // Word lists headings first in its style gallery.
        out.push_str(r#"<w:uiPriority w:val="9"/>"#);
    }
    out.push_str("<w:qFormat/><w:pPr>");
    out.push_str(&s.ppr);
    if let Some(level) = s.outline {
        let _ = write!(out, r#"<w:outlineLvl w:val="{level}"/>"#);
    }
    out.push_str("</w:pPr>");
    if !s.rpr.is_empty() {
        let _ = write!(out, "<w:rPr>{}</w:rPr>", s.rpr);
    }
    out.push_str("</w:style>");
}

/// ` w:customStyle="1"` unless `name` is one of Word's built-in styles.
fn custom(name: &str) -> &'static str {
    let builtin = matches!(
        name,
        "Body Text" | "heading 1" | "heading 2" | "heading 3" | "Title" | "Table Grid"
    );
    if builtin {
        ""
    } else {
        r#" w:customStyle="1""#
    }
}

/// A table style: borders (`single` or none) and the cell margins.
fn write_table_style(out: &mut String, id: &str, name: &str, borders: bool) {
    let _ = write!(
        out,
        r#"<w:style w:type="table"{} w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:tblPr><w:tblBorders>"#,
        custom(name)
    );
    let b = if borders {
        r#"w:val="single" w:sz="4" w:space="0" w:color="000000""#
    } else {
        r#"w:val="nil""#
    };
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(out, "<w:{side} {b}/>");
    }
    out.push_str(r#"</w:tblBorders><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#);
}

/// The whole `word/styles.xml`.
pub fn styles() -> String {
    let f = fonts();
    let mut out = format!(
        r#"{XML_DECL}<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>{f}<w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr>{f}<w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
    );
    for s in paragraph_styles() {
        write_para_style(&mut out, &s);
    }
    write_table_style(&mut out, TABLE_GRID, "Table Grid", true);
    write_table_style(&mut out, LAYOUT_TABLE, "Bảng không viền", false);
    out.push_str("</w:styles>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_have_outline_levels_and_body_text_follows() {
        let s = styles();
        for (id, level) in [(HEADING_1, 0), (HEADING_2, 1), (HEADING_3, 2)] {
            let at = s.find(&format!(r#"w:styleId="{id}""#)).unwrap();
            let def = &s[at..at + s[at..].find("</w:style>").unwrap()];
            assert!(
                def.contains(&format!(r#"<w:outlineLvl w:val="{level}"/>"#)),
                "{def}"
            );
            assert!(def.contains(r#"<w:next w:val="BodyText"/>"#), "{def}");
        }
    }

    #[test]
    fn style_elements_follow_schema_order() {
        let s = styles();
        for def in s.split("<w:style ").skip(1) {
            let pos = |tag: &str| def.find(tag);
            let order = [
                "<w:name ",
                "<w:basedOn ",
                "<w:next ",
                "<w:uiPriority ",
                "<w:qFormat/>",
                "<w:pPr>",
                "<w:rPr>",
                "<w:tblPr>",
            ];
            let found: Vec<usize> = order.iter().filter_map(|t| pos(t)).collect();
            assert!(found.windows(2).all(|w| w[0] < w[1]), "{def}");
        }
    }
}
