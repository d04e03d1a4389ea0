//! A small WordprocessingML writer: paragraphs, runs and tables as plain values,
//! serialised with elements in the order the ISO/IEC 29500 schema requires. Only
//! what the report uses is modelled; every run names Times New Roman in all four
//! font slots so no Vietnamese character falls back to another font.

use std::fmt::Write;

/// The report's font.
pub const FONT: &str = "Times New Roman";

/// Escapes text for element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// [`escape`], appending to `out` (no allocation per run on the appendix's path).
/// Works on bytes: every character it changes is ASCII, and no byte of a longer
/// UTF-8 sequence is below 0x80, so the text between them is copied whole.
fn escape_into(out: &mut String, s: &str) {
    let mut start = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let with = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            // Control characters are not allowed in XML 1.0; tabs and line
            // breaks inside a cell value become spaces.
            b'\t' | b'\n' | b'\r' => " ",
            0..0x20 => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(with);
        start = i + 1;
    }
    out.push_str(&s[start..]);
}

/// Appends the decimal digits of `n` (what `write!(out, "{n}")` writes, without
/// the formatting machinery: the appendix writes a few per cell).
fn push_num(out: &mut String, n: impl itoa::Integer) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// Appends `<name w:val="value"/>`.
fn push_val(out: &mut String, name: &str, value: &str) {
    out.push('<');
    out.push_str(name);
    out.push_str(r#" w:val=""#);
    out.push_str(value);
    out.push_str(r#""/>"#);
}

/// The `w:rFonts` element naming the report font in every slot.
pub fn fonts() -> String {
    let mut out = String::new();
    write_fonts(&mut out);
    out
}

fn write_fonts(out: &mut String) {
    let _ = write!(
        out,
        r#"<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>"#
    );
}

/// Character formatting: size in half-points (`w:sz`), bold, italic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Font {
    pub size: u32,
    pub bold: bool,
    pub italic: bool,
}

impl Font {
    pub const fn new(size: u32) -> Font {
        Font {
            size,
            bold: false,
            italic: false,
        }
    }
    pub const fn bold(mut self) -> Font {
        self.bold = true;
        self
    }
    pub const fn italic(mut self) -> Font {
        self.italic = true;
        self
    }

    fn write_rpr(&self, out: &mut String) {
        out.push_str("<w:rPr>");
        write_fonts(out);
        if self.bold {
            out.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            out.push_str("<w:i/><w:iCs/>");
        }
        let mut digits = itoa::Buffer::new();
        let size = digits.format(self.size);
        push_val(out, "w:sz", size);
        push_val(out, "w:szCs", size);
        out.push_str("</w:rPr>");
    }
}

/// Paragraph alignment (`w:jc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    /// Justified (`both`; `justified` is not a valid value).
    Both,
}

impl Align {
    fn as_str(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
            Align::Both => "both",
        }
    }
}

/// What a run holds.
#[derive(Debug, Clone, PartialEq)]
enum RunContent {
    Text(String),
    /// A `PAGE` field.
    PageField,
}

#[derive(Debug, Clone, PartialEq)]
struct Run {
    content: RunContent,
    /// Direct character formatting; `None` takes the paragraph style's.
    font: Option<Font>,
}

/// A paragraph: a named style (`w:pStyle`) and, where the paragraph differs
/// from it or has none, direct formatting.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    style: Option<&'static str>,
    runs: Vec<Run>,
    align: Option<Align>,
    keep_next: bool,
    /// Draws a solid line under the (empty) paragraph: the official short rules.
    bottom_rule: bool,
    /// Before and after, in twips.
    spacing: Option<(u32, u32)>,
    /// Line spacing in 240ths of a line (`auto`), or exact twips.
    line: Option<(u32, bool)>,
    ind_left: i32,
    ind_right: i32,
    first_line: i32,
    /// Size of the paragraph mark (half-points).
    mark: Option<u32>,
    /// Raw `w:sectPr` ending a section at this paragraph.
    sect: Option<String>,
}

impl Para {
    /// A paragraph formatted directly (no named style).
    pub fn new(align: Align, mark: u32) -> Para {
        Para {
            align: Some(align),
            spacing: Some((0, 0)),
            mark: Some(mark),
            ..Para::styled_raw(None)
        }
    }

    /// A paragraph of the named style `style_id` (see `styles.rs`), with no
    /// direct formatting: its text takes the style's look, and so does text a
    /// clerk types into it.
    pub fn styled(style_id: &'static str) -> Para {
        Para::styled_raw(Some(style_id))
    }

    fn styled_raw(style: Option<&'static str>) -> Para {
        Para {
            style,
            runs: Vec::new(),
            align: None,
            keep_next: false,
            bottom_rule: false,
            spacing: None,
            line: None,
            ind_left: 0,
            ind_right: 0,
            first_line: 0,
            mark: None,
            sect: None,
        }
    }

    /// Adds a run of text in `font`.
    pub fn text(mut self, text: impl Into<String>, font: Font) -> Para {
        self.runs.push(Run {
            content: RunContent::Text(text.into()),
            font: Some(font),
        });
        self
    }

    /// Adds a run of text in the paragraph style's font.
    pub fn plain(mut self, text: impl Into<String>) -> Para {
        self.runs.push(Run {
            content: RunContent::Text(text.into()),
            font: None,
        });
        self
    }

    /// Overrides the style's alignment.
    pub fn align(mut self, align: Align) -> Para {
        self.align = Some(align);
        self
    }

    /// Adds a `PAGE` field.
    pub fn page_field(mut self, font: Font) -> Para {
        self.runs.push(Run {
            content: RunContent::PageField,
            font: Some(font),
        });
        self
    }

    pub fn spacing(mut self, before: u32, after: u32) -> Para {
        self.spacing = Some((before, after));
        self
    }

    /// Line spacing as a multiple, in 240ths (`276` = 1.15 lines).
    pub fn line(mut self, auto_240ths: u32) -> Para {
        self.line = Some((auto_240ths, false));
        self
    }

    /// Exact line height in twips.
    pub fn exact_line(mut self, twips: u32) -> Para {
        self.line = Some((twips, true));
        self
    }

    pub fn indent(mut self, left: i32, right: i32, first_line: i32) -> Para {
        self.ind_left = left;
        self.ind_right = right;
        self.first_line = first_line;
        self
    }

    pub fn keep_next(mut self) -> Para {
        self.keep_next = true;
        self
    }

    pub fn bottom_rule(mut self) -> Para {
        self.bottom_rule = true;
        self
    }

    pub fn section(mut self, sect_pr: String) -> Para {
        self.sect = Some(sect_pr);
        self
    }

    pub fn write(&self, out: &mut String) {
        self.write_with(None, out);
    }

    /// The paragraph with, after its own runs, a run of `text` in the style's
    /// font: how the appendix writes a cell's text without copying it.
    fn write_with(&self, text: Option<&str>, out: &mut String) {
        out.push_str("<w:p><w:pPr>");
        if let Some(id) = self.style {
            push_val(out, "w:pStyle", id);
        }
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        if self.bottom_rule {
            out.push_str(
                r#"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#,
            );
        }
        if self.spacing.is_some() || self.line.is_some() {
            out.push_str("<w:spacing");
            if let Some((before, after)) = self.spacing {
                out.push_str(r#" w:before=""#);
                push_num(out, before);
                out.push_str(r#"" w:after=""#);
                push_num(out, after);
                out.push('"');
            }
            match self.line {
                Some((v, false)) => {
                    let _ = write!(out, r#" w:line="{v}" w:lineRule="auto""#);
                }
                Some((v, true)) => {
                    let _ = write!(out, r#" w:line="{v}" w:lineRule="exact""#);
                }
                None => {}
            }
            out.push_str("/>");
        }
        if self.ind_left != 0 || self.ind_right != 0 || self.first_line != 0 {
            let _ = write!(
                out,
                r#"<w:ind w:left="{}" w:right="{}""#,
                self.ind_left, self.ind_right
            );
            if self.first_line > 0 {
                let _ = write!(out, r#" w:firstLine="{}""#, self.first_line);
            } else if self.first_line < 0 {
                let _ = write!(out, r#" w:hanging="{}""#, -self.first_line);
            }
            out.push_str("/>");
        }
        if let Some(align) = self.align {
            push_val(out, "w:jc", align.as_str());
        }
        if let Some(mark) = self.mark {
            Font::new(mark).write_rpr(out);
        }
        if let Some(s) = &self.sect {
            out.push_str(s);
        }
        out.push_str("</w:pPr>");
        for run in &self.runs {
            match &run.content {
                RunContent::Text(t) => write_text_run(run.font, t, out),
                RunContent::PageField => {
                    let mut r = |inner: &str| {
                        out.push_str("<w:r>");
                        if let Some(f) = run.font {
                            f.write_rpr(out);
                        }
                        out.push_str(inner);
                        out.push_str("</w:r>");
                    };
                    r(r#"<w:fldChar w:fldCharType="begin"/>"#);
                    r(r#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#);
                    r(r#"<w:fldChar w:fldCharType="separate"/>"#);
                    r(r#"<w:t>2</w:t>"#);
                    r(r#"<w:fldChar w:fldCharType="end"/>"#);
                }
            }
        }
        if let Some(t) = text {
            write_text_run(None, t, out);
        }
        out.push_str("</w:p>");
    }
}

/// A run of text; `font` `None` takes the paragraph style's.
fn write_text_run(font: Option<Font>, text: &str, out: &mut String) {
    out.push_str("<w:r>");
    if let Some(f) = font {
        f.write_rpr(out);
    }
    out.push_str(r#"<w:t xml:space="preserve">"#);
    escape_into(out, text);
    out.push_str("</w:t></w:r>");
}

/// A table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub paras: Vec<Para>,
    pub span: u32,
    pub center_vertically: bool,
}

impl Cell {
    pub fn new(paras: Vec<Para>) -> Cell {
        Cell {
            paras,
            span: 1,
            center_vertically: false,
        }
    }
}

/// A table row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Repeated at the top of every page (`w:tblHeader`).
    pub header: bool,
    /// Never split across pages (`w:cantSplit`).
    pub cant_split: bool,
}

/// A table with fixed column widths (twips).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub widths: Vec<u32>,
    /// The named table style (`w:tblStyle`, see `styles.rs`): borders and cell
    /// margins.
    pub style: &'static str,
    /// Centred between the margins (may then be wider than the text block).
    pub centered: bool,
    pub rows: Vec<Row>,
}

impl Table {
    pub fn write(&self, out: &mut String) {
        self.write_head(out);
        for row in &self.rows {
            self.write_row(row, out);
        }
        Table::write_tail(out);
    }

    /// The table's properties and grid: everything before its first row.
    pub fn write_head(&self, out: &mut String) {
        let total: u32 = self.widths.iter().sum();
        out.push_str("<w:tbl><w:tblPr>");
        let _ = write!(out, r#"<w:tblStyle w:val="{}"/>"#, self.style);
        let _ = write!(out, r#"<w:tblW w:w="{total}" w:type="dxa"/>"#);
        if self.centered {
            out.push_str(r#"<w:jc w:val="center"/>"#);
        }
        out.push_str(r#"<w:tblLayout w:type="fixed"/>"#);
        out.push_str(r#"<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>"#);
        out.push_str("</w:tblPr><w:tblGrid>");
        for w in &self.widths {
            let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
        }
        out.push_str("</w:tblGrid>");
    }

    /// One row, laid on this table's grid (the table's own `rows` are not read).
    pub fn write_row(&self, row: &Row, out: &mut String) {
        Table::open_row(row.cant_split, row.header, out);
        let mut col = 0usize;
        for cell in &row.cells {
            let span = cell.span.max(1) as usize;
            self.open_cell(col, span, cell.center_vertically, out);
            col += span;
            if cell.paras.is_empty() {
                Para::new(Align::Left, 24).write(out);
            }
            for p in &cell.paras {
                p.write(out);
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }

    /// A row that is never split, one column per cell, each cell the paragraph
    /// `para` (its own runs, if any, then `text`): the same XML as
    /// [`Table::write_row`] of those cells, with the text borrowed, not copied
    /// into a paragraph of its own (the appendix writes 10^5 rows and more).
    pub fn write_text_row(&self, cells: &[(&Para, &str)], out: &mut String) {
        Table::open_row(true, false, out);
        for (col, (para, text)) in cells.iter().enumerate() {
            self.open_cell(col, 1, false, out);
            para.write_with(Some(text), out);
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }

    fn open_row(cant_split: bool, header: bool, out: &mut String) {
        out.push_str("<w:tr>");
        if cant_split || header {
            out.push_str("<w:trPr>");
            if cant_split {
                out.push_str("<w:cantSplit/>");
            }
            if header {
                out.push_str("<w:tblHeader/>");
            }
            out.push_str("</w:trPr>");
        }
    }

    /// A cell's start and properties: `span` grid columns from `col`.
    fn open_cell(&self, col: usize, span: usize, center_vertically: bool, out: &mut String) {
        let w: u32 = self.widths[col.min(self.widths.len())..(col + span).min(self.widths.len())]
            .iter()
            .sum();
        out.push_str("<w:tc><w:tcPr>");
        out.push_str(r#"<w:tcW w:w=""#);
        push_num(out, w);
        out.push_str(r#"" w:type="dxa"/>"#);
        if span > 1 {
            push_val(out, "w:gridSpan", itoa::Buffer::new().format(span));
        }
        if center_vertically {
            out.push_str(r#"<w:vAlign w:val="center"/>"#);
        }
        out.push_str("</w:tcPr>");
    }

    /// What ends a table.
    pub fn write_tail(out: &mut String) {
        out.push_str("</w:tbl>");
    }
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Para),
    Table(Table),
}

impl Block {
    pub fn write(&self, out: &mut String) {
        match self {
            Block::Para(p) => p.write(out),
            Block::Table(t) => t.write(out),
        }
    }
}

/// Estimated width of `text` in twips at `half_points`, in Times New Roman
/// (average advance widths by character class; used to size the short rules).
pub fn text_width(text: &str, half_points: u32, bold: bool) -> u32 {
    let em: f64 = text
        .chars()
        .map(|c| {
            if c == ' ' {
                0.25
            } else if c.is_uppercase() {
                if bold {
                    0.72
                } else {
                    0.68
                }
            } else if c.is_lowercase() {
                if bold {
                    0.5
                } else {
                    0.46
                }
            } else if c.is_ascii_digit() {
                0.5
            } else {
                0.33
            }
        })
        .sum();
    (em * f64::from(half_points) * 10.0).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_properties_follow_schema_order() {
        let mut s = String::new();
        Para::new(Align::Both, 28)
            .keep_next()
            .spacing(0, 120)
            .line(288)
            .indent(0, 0, 720)
            .text("a & b", Font::new(28).bold())
            .write(&mut s);
        let keep = s.find("keepNext").unwrap();
        let spacing = s.find("w:spacing").unwrap();
        let ind = s.find("w:ind").unwrap();
        let jc = s.find("w:jc").unwrap();
        let rpr = s.find("w:rPr").unwrap();
        assert!(
            keep < spacing && spacing < ind && ind < jc && jc < rpr,
            "{s}"
        );
        assert!(s.contains("a &amp; b"));
        assert!(s.contains(r#"w:jc w:val="both""#));
        assert!(s.contains(r#"w:eastAsia="Times New Roman""#));
    }

    #[test]
    fn rows_repeat_and_do_not_split() {
        let mut s = String::new();
        Table {
            widths: vec![100, 200],
            style: "TableGrid",
            centered: false,
            rows: vec![Row {
                cells: vec![Cell {
                    paras: vec![],
                    span: 2,
                    center_vertically: true,
                }],
                header: true,
                cant_split: true,
            }],
        }
        .write(&mut s);
        assert!(s.contains("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"));
        assert!(s.contains(r#"<w:tcW w:w="300" w:type="dxa"/><w:gridSpan w:val="2"/>"#));
        assert!(!s.contains("gridCol w:w=\"100\" w:type"));
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(escape("a\u{1}b\tc<"), "ab c&lt;");
    }

    #[test]
    fn escaping_by_bytes_is_escaping_by_characters() {
        // What the escape did character by character before it worked on bytes.
        fn by_chars(s: &str) -> String {
            let mut out = String::new();
            for c in s.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str("&quot;"),
                    '\t' | '\n' | '\r' => out.push(' '),
                    c if (c as u32) < 0x20 => {}
                    c => out.push(c),
                }
            }
            out
        }
        let all_ascii: String = (0u8..0x80).map(char::from).collect();
        for s in [
            "",
            "Hoàn thành",
            "Sở KH&CN <Quảng Ngãi> \"đợt 2\"\r\n",
            "\u{0}\u{1f}\u{7f}\u{80}\u{9f}ạ\u{feff}𝔸&",
            &all_ascii,
        ] {
            assert_eq!(escape(s), by_chars(s), "{s:?}");
        }
    }

    #[test]
    fn a_text_row_is_the_row_of_its_cells() {
        let table = Table {
            widths: vec![700, 1900, 950],
            style: "TableGrid",
            centered: true,
            rows: Vec::new(),
        };
        let left = Para::styled("TableText");
        let right = Para::styled("TableText").align(Align::Right);
        let texts = ["1.234", "Phòng HC-TH & <TT>", ""];
        let paras = [&right, &left, &left];
        let row = Row {
            cells: paras
                .iter()
                .zip(texts)
                .map(|(p, t)| Cell::new(vec![(*p).clone().plain(t)]))
                .collect(),
            header: false,
            cant_split: true,
        };
        let (mut by_row, mut by_text) = (String::new(), String::new());
        table.write_row(&row, &mut by_row);
        let cells: Vec<(&Para, &str)> = paras.into_iter().zip(texts).collect();
        table.write_text_row(&cells, &mut by_text);
        assert_eq!(by_text, by_row);
        assert!(
            by_row.contains(r#"<w:tcW w:w="1900" w:type="dxa"/>"#),
            "{by_row}"
        );
        assert!(by_row.contains("Phòng HC-TH &amp; &lt;TT&gt;"), "{by_row}");
    }
}
