//! The report's body laid out: header block, title, the prose's headings,
//! paragraphs and summary table, the end block and the appendix. Layout (sizes,
//! indents, widths) lives here; every word comes from [`Prose`] or the texts file.

use std::io::Write;

use super::package::{HEADER_FIRST_EMPTY, HEADER_PAGE_NUMBER};
use super::page;
use super::styles;
use super::xml::{text_width, Align, Block, Cell, Font, Para, Row, Table};
use crate::report::prose::{self, AppendixLine, Prose, SummaryRow};
use crate::report::texts::Texts;

/// Sizes in half-points.
pub(super) const S11: u32 = 22;
pub(super) const S12: u32 = 24;
pub(super) const S13: u32 = 26;
pub(super) const S14: u32 = 28;
pub const PAGE_NUMBER_SIZE: u32 = S13;

/// Body paragraphs: first-line indent 1.27 cm, 6 pt after, 1.2 lines.
pub(super) const FIRST_LINE: i32 = 720;
pub(super) const AFTER: u32 = 120;
pub(super) const LINE: u32 = 288;

/// Header table columns: 7.0 cm and 10.2 cm.
const HEADER_LEFT: u32 = 3969;
const HEADER_RIGHT: u32 = 5783;
/// Cell margins left + right (see `Table::write`).
const CELL_MARGINS: u32 = 170;

/// A paragraph of the named style `style` holding `text`; the formatting is the
/// style's (see `styles.rs`).
fn styled(style: &'static str, text: impl Into<String>) -> Para {
    Para::styled(style).plain(text)
}

/// An empty paragraph whose bottom border is a centred solid line `width` long
/// inside a space `room` wide.
fn rule(width: u32, room: u32) -> Para {
    let side = (room.saturating_sub(width) / 2) as i32;
    Para::new(Align::Center, 2)
        .exact_line(80)
        .indent(side, side, 0)
        .bottom_rule()
}

fn centered(text: impl Into<String>, font: Font) -> Para {
    Para::new(Align::Center, font.size).text(text, font)
}

/// Where the body goes as it is laid out: each block is written as soon as it
/// is made, and the XML handed on in pieces, so neither the blocks nor the XML
/// of a large appendix are ever held whole (see docs/performance.md).
pub struct Blocks<'w> {
    xml: String,
    out: &'w mut dyn Write,
    /// The first write error, returned by [`Blocks::finish`].
    error: Option<std::io::Error>,
}

/// The XML handed on once this much of it is waiting. Large, because deflate's
/// output depends on how its input is cut: a body under this size reaches the
/// compressor in one piece, as it always did, so the report's bytes are those of
/// a body built whole; only a larger body (several thousand appendix rows) is cut,
/// which keeps the same XML and bounds the memory it takes.
const FLUSH_AT: usize = 8 * 1024 * 1024;

impl<'w> Blocks<'w> {
    fn new(out: &'w mut dyn Write) -> Self {
        Blocks {
            xml: String::new(),
            out,
            error: None,
        }
    }

    fn push(&mut self, b: Block) {
        b.write(&mut self.xml);
        self.flush_if_full();
    }

    fn flush_if_full(&mut self) {
        if self.xml.len() >= FLUSH_AT {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.error.is_none() {
            if let Err(e) = self.out.write_all(self.xml.as_bytes()) {
                self.error = Some(e);
            }
        }
        self.xml.clear();
    }

    /// A table written row by row: its rows are not collected.
    fn table(&mut self, table: Table) -> TableRows<'_, 'w> {
        table.write_head(&mut self.xml);
        TableRows {
            blocks: self,
            table,
        }
    }

    fn finish(mut self) -> std::io::Result<()> {
        self.flush();
        match self.error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// The rows of a table being written (see [`Blocks::table`]).
struct TableRows<'b, 'w> {
    blocks: &'b mut Blocks<'w>,
    table: Table,
}

impl TableRows<'_, '_> {
    fn push(&mut self, row: Row) {
        self.table.write_row(&row, &mut self.blocks.xml);
        self.blocks.flush_if_full();
    }

    /// A row of text cells (see [`Table::write_text_row`]).
    fn push_text(&mut self, cells: &[(&Para, &str)]) {
        self.table.write_text_row(cells, &mut self.blocks.xml);
        self.blocks.flush_if_full();
    }

    fn finish(self) {
        Table::write_tail(&mut self.blocks.xml);
        self.blocks.flush_if_full();
    }
}

/// The whole `w:body` content, written to `out` as it is laid out; the appendix
/// lines are made as they are written.
pub fn body<'a>(
    p: Prose,
    appendix_lines: impl Iterator<Item = AppendixLine<'a>>,
    texts: &Texts,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut blocks = Blocks::new(out);
    header_block(&p, texts, &mut blocks);
    title_block(&p, texts, &mut blocks);
    for b in p.body {
        match b {
            prose::Block::Section(s) => blocks.push(Block::Para(styled(styles::HEADING_1, s))),
            prose::Block::Heading(s) => blocks.push(Block::Para(styled(styles::HEADING_2, s))),
            prose::Block::SubHeading(s) => blocks.push(Block::Para(styled(styles::HEADING_3, s))),
            // Kept on the page of the end block.
            prose::Block::Closing(s) => {
                blocks.push(Block::Para(styled(styles::BODY, s).keep_next()))
            }
            prose::Block::Para(s) => blocks.push(Block::Para(styled(styles::BODY, s))),
            prose::Block::Summary(rows) => {
                blocks.push(Block::Table(summary_table(texts, rows)));
                blocks.push(Block::Para(Para::new(Align::Left, S14).spacing(0, AFTER)));
            }
        }
    }
    end_block(texts, &mut blocks);
    // The portrait section ends here; the appendix is a landscape section.
    blocks.push(Block::Para(
        Para::new(Align::Left, 2).section(portrait_section()),
    ));
    appendix(texts, p.appendix_subtitle, appendix_lines, &mut blocks);
    blocks.xml.push_str(&landscape_section());
    blocks.finish()
}

fn portrait_section() -> String {
    format!(
        r#"<w:sectPr><w:headerReference w:type="default" r:id="{HEADER_PAGE_NUMBER}"/><w:headerReference w:type="first" r:id="{HEADER_FIRST_EMPTY}"/><w:pgSz w:w="{}" w:h="{}"/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/><w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="360"/></w:sectPr>"#,
        page::WIDTH,
        page::HEIGHT,
        page::TOP,
        page::RIGHT,
        page::BOTTOM,
        page::LEFT,
        page::HEADER,
        page::HEADER,
    )
}

fn landscape_section() -> String {
    let m = page::LANDSCAPE_MARGIN;
    format!(
        r#"<w:sectPr><w:headerReference w:type="default" r:id="{HEADER_PAGE_NUMBER}"/><w:type w:val="nextPage"/><w:pgSz w:w="{}" w:h="{}" w:orient="landscape"/><w:pgMar w:top="{m}" w:right="{m}" w:bottom="{m}" w:left="{m}" w:header="{}" w:footer="{}" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>"#,
        page::HEIGHT,
        page::WIDTH,
        page::HEADER,
        page::HEADER,
    )
}

fn header_block(p: &Prose, texts: &Texts, blocks: &mut Blocks<'_>) {
    let h = &texts.header;
    let left_room = HEADER_LEFT - CELL_MARGINS;
    let right_room = HEADER_RIGHT - CELL_MARGINS;
    let agency_w = text_width(&h.agency, S12, true).min(left_room);
    let motto_w = text_width(&h.motto, S14, true).min(right_room);
    let top = Row {
        cells: vec![
            Cell::new(vec![
                centered(&h.agency_parent, Font::new(S12)),
                centered(&h.agency, Font::new(S12).bold()),
                rule(agency_w * 2 / 5, left_room),
            ]),
            Cell::new(vec![
                centered(&h.country, Font::new(S12).bold()),
                centered(&h.motto, Font::new(S14).bold()),
                rule(motto_w, right_room),
            ]),
        ],
        header: false,
        cant_split: true,
    };
    let bottom = Row {
        cells: vec![
            Cell::new(vec![Para::new(Align::Center, S13)
                .spacing(120, 0)
                .text(&p.number_line, Font::new(S13))]),
            Cell::new(vec![Para::new(Align::Center, S14)
                .spacing(120, 0)
                .text(&p.date_line, Font::new(S14).italic())]),
        ],
        header: false,
        cant_split: true,
    };
    blocks.push(Block::Table(Table {
        widths: vec![HEADER_LEFT, HEADER_RIGHT],
        style: styles::LAYOUT_TABLE,
        centered: true,
        rows: vec![top, bottom],
    }));
}

fn title_block(p: &Prose, texts: &Texts, blocks: &mut Blocks<'_>) {
    let subject_w = text_width(&p.subject, S14, true).min(page::TEXT_WIDTH);
    blocks.push(Block::Para(
        styled(styles::TITLE, &texts.title).spacing(360, 0),
    ));
    blocks.push(Block::Para(styled(styles::TITLE, &p.subject)));
    blocks.push(Block::Para(rule(subject_w / 3, page::TEXT_WIDTH)));
    // Space between the title block and the opening.
    blocks.push(Block::Para(Para::new(Align::Left, S14).spacing(0, 120)));
}

/// A table cell's paragraph, left-aligned unless `align` says otherwise.
fn cell_para(text: impl Into<String>, align: Align) -> Para {
    cell_para_without_text(align).plain(text)
}

/// [`cell_para`] before its text is added.
fn cell_para_without_text(align: Align) -> Para {
    let p = Para::styled(styles::TABLE_TEXT);
    if align == Align::Left {
        p
    } else {
        p.align(align)
    }
}

fn header_row(headers: &[String]) -> Row {
    Row {
        cells: headers
            .iter()
            .map(|h| {
                let mut c = Cell::new(vec![styled(styles::TABLE_HEADING, h)]);
                c.center_vertically = true;
                c
            })
            .collect(),
        header: true,
        cant_split: true,
    }
}

fn summary_table(texts: &Texts, summary: Vec<SummaryRow>) -> Table {
    let mut rows = vec![header_row(&texts.summary_table.headers)];
    for r in summary {
        let cells = vec![
            Cell::new(vec![cell_para(r.number, Align::Center)]),
            Cell::new(vec![cell_para(r.title, Align::Left)]),
            Cell::new(
                r.leads
                    .into_iter()
                    .map(|l| cell_para(l, Align::Left))
                    .collect(),
            ),
            Cell::new(vec![cell_para(r.timeline, Align::Left)]),
            Cell::new(vec![cell_para(r.result, Align::Left)]),
            Cell::new(vec![cell_para(r.status, Align::Left)]),
        ];
        rows.push(Row {
            cells,
            header: false,
            cant_split: true,
        });
    }
    // 1.0 + 4.6 + 3.4 + 2.2 + 3.0 + 2.3 cm ≈ the text width.
    let widths = vec![737, 2438, 1928, 1247, 1701, 1304];
    debug_assert_eq!(widths.iter().sum::<u32>(), page::TEXT_WIDTH);
    Table {
        widths,
        style: styles::TABLE_GRID,
        centered: true,
        rows,
    }
}

fn end_block(t: &Texts, blocks: &mut Blocks<'_>) {
    let mut left = vec![styled(styles::RECIPIENTS_LABEL, &t.recipients.label)];
    for r in &t.recipients.list {
        left.push(styled(styles::RECIPIENTS, r));
    }
    let mut right = Vec::new();
    if let Some(a) = &t.signer.authority {
        right.push(styled(styles::SIGNER, a).spacing(240, 0));
        right.push(styled(styles::SIGNER, &t.signer.title));
    } else {
        right.push(styled(styles::SIGNER, &t.signer.title).spacing(240, 0));
    }
    // Room for the signature and the seal.
    right.push(Para::styled(styles::SIGNER).spacing(1680, 0));
    right.push(styled(styles::SIGNER, &t.signer.name));
    blocks.push(Block::Table(Table {
        widths: vec![4535, 4820],
        style: styles::LAYOUT_TABLE,
        centered: true,
        rows: vec![Row {
            cells: vec![Cell::new(left), Cell::new(right)],
            header: false,
            cant_split: true,
        }],
    }));
}

fn appendix<'a>(
    t: &Texts,
    subtitle: String,
    data: impl Iterator<Item = AppendixLine<'a>>,
    blocks: &mut Blocks<'_>,
) {
    let a = &t.appendix;
    blocks.push(Block::Para(styled(styles::APPENDIX_HEADING, &a.label)));
    blocks.push(Block::Para(styled(styles::APPENDIX_TITLE, &a.title)));
    blocks.push(Block::Para(
        centered(subtitle, Font::new(S14).italic())
            .spacing(0, 240)
            .keep_next(),
    ));
    // STT, Đơn vị, Nhiệm vụ, Nội dung, Số lượng, ĐVT, Thời gian, Tình trạng, Minh chứng.
    // Units by short name (`TT Ứng dụng và Dịch vụ KH&CN`) need the width; the
    // task column fits its heading on one line, the time column `Quý III/2024`.
    let widths = vec![700, 1900, 950, 4100, 850, 900, 1600, 1350, 2220];
    debug_assert_eq!(widths.iter().sum::<u32>(), page::LANDSCAPE_TEXT_WIDTH);
    // Written row by row as the lines are laid out: a province's appendix has
    // 10^5 rows and more.
    let mut rows = blocks.table(Table {
        widths,
        style: styles::TABLE_GRID,
        centered: true,
        rows: Vec::new(),
    });
    rows.push(header_row(&a.headers));
    // A data cell's paragraph, the text aside (see `cell_para`).
    let [left_cell, centered_cell, right_cell] =
        [Align::Left, Align::Center, Align::Right].map(cell_para_without_text);
    for line in data {
        let r = match line {
            AppendixLine::Group(title) => {
                let mut c = Cell::new(vec![styled(styles::TABLE_GROUP, title)]);
                c.span = 9;
                rows.push(Row {
                    cells: vec![c],
                    header: false,
                    cant_split: true,
                });
                continue;
            }
            AppendixLine::Row(r) => r,
        };
        rows.push_text(&[
            (&centered_cell, &r.number),
            (&centered_cell, r.unit),
            (&centered_cell, &r.task),
            (&left_cell, r.activity),
            (&right_cell, &r.quantity),
            (&left_cell, r.measure),
            (&left_cell, &r.time),
            (&left_cell, r.status),
            (&left_cell, r.evidence),
        ]);
    }
    rows.finish();
    // A table may not end the body.
    blocks.push(Block::Para(Para::new(Align::Left, 2)));
}
