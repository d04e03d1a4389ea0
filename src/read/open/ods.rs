//! .ods: `content.xml` is pre-scanned with a streaming XML reader (limits, merged
//! regions, error cells), then calamine reads the values.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Cursor, Read, Write};

use calamine::{Ods, OdsError, Reader};
use quick_xml::events::{BytesStart, Event};

use super::{corrupt, limit, xls, GridBuilder, Limits};
use crate::read::{CellValue, Format, LimitKind, ReadError, Rect, Workbook};

fn err(e: OdsError) -> ReadError {
    match e {
        OdsError::Password => ReadError::Encrypted,
        e => corrupt(format!("ods: {e}")),
    }
}

/// What the pre-scan learnt about one table.
#[derive(Default)]
struct TableScan {
    merges: Vec<Rect>,
    errors: HashSet<(u32, u32)>,
    /// Filled cells whose automatic style names a legacy font (index into
    /// [`Scan::fonts`]); other cells have no font evidence.
    fonts: HashMap<(u32, u32), u16>,
}

/// The pre-scan's result: per table, and the legacy font names cells refer to.
#[derive(Default)]
struct Scan {
    tables: Vec<TableScan>,
    fonts: Vec<String>,
    /// Whitespace-only text met inside a table (an indented `content.xml`), which
    /// calamine refuses: the part is then rewritten without it ([`normalize`]).
    loose_space: bool,
}

/// At most this many distinct styles and column defaults are remembered (a real
/// file has a few dozen).
const MAX_STYLES: usize = 10_000;

fn attr_string(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| {
            a.value
                .replace("&apos;", "'")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
        })
}

/// Automatic cell styles and font faces of `content.xml`, resolved as they come
/// (both are declared before the body): style name → legacy font index.
#[derive(Default)]
struct Fonts {
    faces: HashMap<String, String>,
    styles: HashMap<String, u16>,
    names: Vec<String>,
    /// The `style:style` being read (family table-cell).
    current: Option<String>,
}

impl Fonts {
    fn face(&mut self, e: &BytesStart<'_>) {
        if let (Some(name), Some(family)) = (
            attr_string(e, "style:name"),
            attr_string(e, "svg:font-family"),
        ) {
            if self.faces.len() < MAX_STYLES {
                let family = family.trim().trim_matches(['\'', '"']).to_string();
                self.faces.insert(name, family);
            }
        }
    }

    fn text_properties(&mut self, e: &BytesStart<'_>) {
        let (Some(style), Some(font)) = (self.current.clone(), attr_string(e, "style:font-name"))
        else {
            return;
        };
        let family = self.faces.get(&font).cloned().unwrap_or(font);
        if crate::read::legacy::font_encoding(&family).is_none() || self.styles.len() >= MAX_STYLES
        {
            return;
        }
        let idx = match self.names.iter().position(|n| *n == family) {
            Some(i) => i,
            None => {
                self.names.push(family);
                self.names.len() - 1
            }
        };
        self.styles.insert(style, idx as u16);
    }
}

fn attr_u64(e: &BytesStart<'_>, name: &str) -> Result<Option<u64>, ReadError> {
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|x| corrupt(format!("ods content.xml: {x}")))?;
        if a.key.as_ref() == name {
            let v = a
                .value
                .trim()
                .parse::<u64>()
                .ok()
                .ok_or_else(|| corrupt("ods content.xml: bad number attribute".to_string()))?;
            return Ok(Some(v));
        }
    }
    Ok(None)
}

fn has_attr(e: &BytesStart<'_>, name: &str, value: Option<&str>) -> bool {
    e.attributes()
        .with_checks(false)
        .flatten()
        .any(|a| a.key.as_ref() == name && value.is_none_or(|v| a.value.as_ref() == v))
}

/// Row-level accumulator of the pre-scan.
#[derive(Default)]
struct Sheet {
    cells: u64,
    min_row: u64,
    max_row: u64,
    min_col: u64,
    max_col: u64,
    any: bool,
}

fn prescan<R: Read>(content: R, limits: &Limits) -> Result<Scan, ReadError> {
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut scanner = Scanner::new(limits);
    let mut loose_space = false;
    loop {
        buf.clear();
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| corrupt(format!("ods content.xml: {e}")))?;
        match &ev {
            Event::Start(e) => scanner.start(e, false)?,
            Event::Empty(e) => scanner.start(e, true)?,
            Event::End(e) => scanner.end(e.name().as_ref())?,
            Event::Text(t) if scanner.depth > 0 && t.bytes().all(|b| b.is_ascii_whitespace()) => {
                loose_space = true;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Scan {
        tables: scanner.tables,
        fonts: scanner.fonts.names,
        loose_space,
    })
}

/// The pre-scan's state while `content.xml` streams by.
struct Scanner<'l> {
    limits: &'l Limits,
    tables: Vec<TableScan>,
    /// Nesting of `table:table`.
    depth: u32,
    sheet: Sheet,
    cur: TableScan,
    row: u64,
    row_repeat: u64,
    col: u64,
    row_cells: u64,
    row_min_col: u64,
    row_max_col: u64,
    in_cell: bool,
    cell_text: u64,
    fonts: Fonts,
    /// Column default cell styles with a legacy font: (first col, last col, font).
    col_fonts: Vec<(u64, u64, u16)>,
    next_col: u64,
    /// Font hints kept over all tables (bounded like the cells).
    font_cells: u64,
}

impl<'l> Scanner<'l> {
    fn new(limits: &'l Limits) -> Self {
        Scanner {
            limits,
            tables: Vec::new(),
            depth: 0,
            sheet: Sheet::default(),
            cur: TableScan::default(),
            row: 0,
            row_repeat: 1,
            col: 0,
            row_cells: 0,
            row_min_col: u64::MAX,
            row_max_col: 0,
            in_cell: false,
            cell_text: 0,
            fonts: Fonts::default(),
            col_fonts: Vec::new(),
            next_col: 0,
            font_cells: 0,
        }
    }

    fn end(&mut self, name: &str) -> Result<(), ReadError> {
        match name {
            "table:table" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    finish_table(&self.sheet, self.limits)?;
                    self.tables.push(std::mem::take(&mut self.cur));
                    self.sheet = Sheet::default();
                    self.col_fonts.clear();
                    self.next_col = 0;
                }
            }
            "table:table-row" if self.depth == 1 => {
                end_row(
                    &mut self.sheet,
                    self.limits,
                    self.row,
                    self.row_repeat,
                    self.row_cells,
                    self.row_min_col,
                    self.row_max_col,
                )?;
                self.row = self.row.saturating_add(self.row_repeat);
            }
            "table:table-cell" | "table:covered-table-cell" => self.in_cell = false,
            "style:style" => self.fonts.current = None,
            _ => {}
        }
        Ok(())
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), ReadError> {
        let depth = self.depth;
        match e.name().as_ref() {
            "style:font-face" => self.fonts.face(e),
            "style:style" if depth == 0 => {
                self.fonts.current = (has_attr(e, "style:family", Some("table-cell")) && !empty)
                    .then(|| attr_string(e, "style:name"))
                    .flatten();
            }
            "style:text-properties" if depth == 0 => self.fonts.text_properties(e),
            "table:table-column" if depth == 1 => self.table_column(e)?,
            "table:table" => self.table_start(empty),
            "table:table-row" if depth == 1 => self.row_start(e, empty)?,
            "table:table-cell" if depth == 1 => self.cell(e, true, empty)?,
            "table:covered-table-cell" if depth == 1 => self.cell(e, false, empty)?,
            // Runs of spaces are expanded by the reader: count them as text.
            "text:s" if self.in_cell => {
                self.cell_text = self
                    .cell_text
                    .saturating_add(attr_u64(e, "text:c")?.unwrap_or(1));
                if self.cell_text > self.limits.text_length {
                    let max = self.limits.text_length;
                    return Err(limit(LimitKind::TextLength, max, self.cell_text));
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn table_column(&mut self, e: &BytesStart<'_>) -> Result<(), ReadError> {
        let repeat = attr_u64(e, "table:number-columns-repeated")?
            .unwrap_or(1)
            .max(1);
        let font = attr_string(e, "table:default-cell-style-name")
            .and_then(|n| self.fonts.styles.get(&n).copied());
        if let Some(f) = font {
            if self.col_fonts.len() < MAX_STYLES {
                let last = self.next_col.saturating_add(repeat - 1);
                self.col_fonts.push((self.next_col, last, f));
            }
        }
        self.next_col = self.next_col.saturating_add(repeat);
        Ok(())
    }

    fn table_start(&mut self, empty: bool) {
        if self.depth == 0 {
            self.row = 0;
        }
        if !empty {
            self.depth += 1;
        } else if self.depth == 0 {
            self.tables.push(TableScan::default());
        }
    }

    fn row_start(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), ReadError> {
        self.row_repeat = attr_u64(e, "table:number-rows-repeated")?
            .unwrap_or(1)
            .max(1);
        self.col = 0;
        self.row_cells = 0;
        self.row_min_col = u64::MAX;
        self.row_max_col = 0;
        if empty {
            self.row = self.row.saturating_add(self.row_repeat);
        }
        Ok(())
    }

    /// A `table:table-cell` (`spans`: it may declare a merge) or a covered cell.
    fn cell(&mut self, e: &BytesStart<'_>, spans: bool, empty: bool) -> Result<(), ReadError> {
        let repeat = attr_u64(e, "table:number-columns-repeated")?
            .unwrap_or(1)
            .max(1);
        let filled = has_attr(e, "office:value-type", None) || has_attr(e, "table:formula", None);
        if filled {
            self.filled_cell(e, repeat)?;
        }
        if spans {
            self.merge(e)?;
        }
        self.col = self.col.saturating_add(repeat);
        self.in_cell = !empty;
        self.cell_text = 0;
        Ok(())
    }

    /// A cell holding a value, repeated `repeat` times across: limits, legacy font
    /// evidence and formula errors.
    fn filled_cell(&mut self, e: &BytesStart<'_>, repeat: u64) -> Result<(), ReadError> {
        let (limits, row, col) = (self.limits, self.row, self.col);
        let last = col.saturating_add(repeat - 1);
        if last + 1 > limits.columns {
            return Err(limit(LimitKind::Columns, limits.columns, last + 1));
        }
        let rows_end = row.saturating_add(self.row_repeat);
        if rows_end > limits.rows {
            return Err(limit(LimitKind::Rows, limits.rows, rows_end));
        }
        self.row_cells = self.row_cells.saturating_add(repeat);
        self.row_min_col = self.row_min_col.min(col);
        self.row_max_col = self.row_max_col.max(last);
        let in_rows = self.row_cells.saturating_mul(self.row_repeat);
        if in_rows > limits.cells {
            let found = self.sheet.cells.saturating_add(in_rows);
            return Err(limit(LimitKind::Cells, limits.cells, found));
        }
        self.cell_fonts(e, last);
        if has_attr(e, "calcext:value-type", Some("error"))
            && row < u64::from(u32::MAX)
            && col < u64::from(u32::MAX)
        {
            self.cur.errors.insert((row as u32, col as u32));
        }
        Ok(())
    }

    /// Remembers the legacy font of the cells `col..=last` over the repeated rows.
    fn cell_fonts(&mut self, e: &BytesStart<'_>, last: u64) {
        let col = self.col;
        let font = match attr_string(e, "table:style-name") {
            Some(n) => self.fonts.styles.get(&n).copied(),
            None => self
                .col_fonts
                .iter()
                .find(|&&(a, b, _)| (a..=b).contains(&col))
                .map(|&(_, _, f)| f),
        };
        let Some(f) = font else { return };
        // Bounded: the limits checked before cap repeat × row_repeat.
        for r in self.row..self.row.saturating_add(self.row_repeat) {
            for c in col..=last {
                if self.font_cells >= self.limits.cells
                    || r >= u64::from(u32::MAX)
                    || c >= u64::from(u32::MAX)
                {
                    break;
                }
                self.cur.fonts.insert((r as u32, c as u32), f);
                self.font_cells += 1;
            }
        }
    }

    fn merge(&mut self, e: &BytesStart<'_>) -> Result<(), ReadError> {
        let (row, col) = (self.row, self.col);
        let cs = attr_u64(e, "table:number-columns-spanned")?.unwrap_or(1);
        let rs = attr_u64(e, "table:number-rows-spanned")?.unwrap_or(1);
        if (cs > 1 || rs > 1) && (self.cur.merges.len() as u64) < self.limits.cells {
            let last_row = row.saturating_add(rs - 1).min(u64::from(u32::MAX));
            let last_col = col.saturating_add(cs - 1).min(u64::from(u32::MAX));
            if row <= u64::from(u32::MAX) && col <= u64::from(u32::MAX) {
                self.cur.merges.push(Rect {
                    first_row: row as u32,
                    first_col: col as u32,
                    last_row: last_row as u32,
                    last_col: last_col as u32,
                });
            }
        }
        Ok(())
    }
}

fn end_row(
    sheet: &mut Sheet,
    limits: &Limits,
    row: u64,
    repeat: u64,
    cells: u64,
    min_col: u64,
    max_col: u64,
) -> Result<(), ReadError> {
    if cells == 0 {
        return Ok(());
    }
    let last = row.saturating_add(repeat - 1);
    if last + 1 > limits.rows {
        return Err(limit(LimitKind::Rows, limits.rows, last.saturating_add(1)));
    }
    sheet.cells = sheet.cells.saturating_add(cells.saturating_mul(repeat));
    if sheet.cells > limits.cells {
        return Err(limit(LimitKind::Cells, limits.cells, sheet.cells));
    }
    if !sheet.any {
        sheet.any = true;
        sheet.min_row = row;
        sheet.min_col = min_col;
    }
    sheet.min_col = sheet.min_col.min(min_col);
    sheet.max_row = last;
    sheet.max_col = sheet.max_col.max(max_col);
    Ok(())
}

fn finish_table(sheet: &Sheet, limits: &Limits) -> Result<(), ReadError> {
    if !sheet.any {
        return Ok(());
    }
    let area =
        (sheet.max_row - sheet.min_row + 1).saturating_mul(sheet.max_col - sheet.min_col + 1);
    if area > limits.dense_area() {
        return Err(limit(LimitKind::Area, limits.dense_area(), area));
    }
    Ok(())
}

pub(super) fn read(bytes: Vec<u8>, limits: &Limits) -> Result<Workbook, ReadError> {
    let (
        Scan {
            tables: scans,
            fonts,
            loose_space,
        },
        has_mimetype,
    ) = {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice()))
            .map_err(|e| corrupt(format!("broken zip package: {e}")))?;
        if let Ok(mut m) = zip.by_name("META-INF/manifest.xml") {
            let mut s = String::new();
            let _ = (&mut m).take(limits.uncompressed).read_to_string(&mut s);
            if s.contains("encryption-data") {
                return Err(ReadError::Encrypted);
            }
        }
        let content = zip
            .by_name("content.xml")
            .map_err(|e| corrupt(format!("ods without content.xml: {e}")))?;
        let scan = prescan(content.take(limits.uncompressed), limits)?;
        (scan, zip.index_for_name("mimetype").is_some())
    };
    let bytes = if loose_space || !has_mimetype {
        normalize(&bytes, limits, !has_mimetype, loose_space)?
    } else {
        bytes
    };
    let mut book: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(err)?;
    let names: Vec<String> = book
        .sheets_metadata()
        .iter()
        .map(|s| s.name.clone())
        .collect();
    let mut out = Vec::with_capacity(names.len());
    for (i, name) in names.into_iter().enumerate() {
        let mut grid = GridBuilder::new(name.clone(), limits);
        let range = book.worksheet_range(&name).map_err(err)?;
        let scan = scans.get(i);
        xls::fill(&mut grid, &range, |r, c| {
            scan.and_then(|s| s.fonts.get(&(r, c)))
                .and_then(|&f| fonts.get(usize::from(f)))
                .map(String::as_str)
        })?;
        drop(range);
        let mut g = grid;
        if let Some(scan) = scan {
            for &m in &scan.merges {
                g.add_merge(m);
            }
            g.mark_errors(&scan.errors);
        }
        out.push(g.finish());
    }
    Ok(Workbook {
        format: Format::Ods,
        sheets: out,
    })
}

/// Rewrites a package LibreOffice opens but calamine refuses: adds the
/// `mimetype` entry when it is missing (the manifest said what the package is),
/// and drops whitespace-only text between table elements of `content.xml` (text
/// inside paragraphs is kept). Other entries are copied as they are.
fn normalize(
    bytes: &[u8],
    limits: &Limits,
    add_mimetype: bool,
    strip_space: bool,
) -> Result<Vec<u8>, ReadError> {
    use zip::write::SimpleFileOptions;
    use zip::CompressionMethod;
    let bad = |e: zip::result::ZipError| corrupt(format!("ods repack: {e}"));
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| corrupt(format!("broken zip package: {e}")))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    if add_mimetype {
        out.start_file("mimetype", stored).map_err(bad)?;
        out.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .map_err(|e| corrupt(format!("ods repack: {e}")))?;
    }
    for i in 0..zip.len() {
        let f = zip.by_index(i).map_err(bad)?;
        if strip_space && f.name().is_ok_and(|n| n == "content.xml") {
            let content = strip_table_space(f.take(limits.uncompressed))?;
            out.start_file("content.xml", deflated).map_err(bad)?;
            out.write_all(&content)
                .map_err(|e| corrupt(format!("ods repack: {e}")))?;
        } else {
            out.raw_copy_file(f).map_err(bad)?;
        }
    }
    Ok(out.finish().map_err(bad)?.into_inner())
}

/// `content.xml` without whitespace-only text whose parent is not a text element
/// (`text:…`): what an indenting writer puts between rows and cells.
fn strip_table_space<R: Read>(content: R) -> Result<Vec<u8>, ReadError> {
    let bad = |e: &dyn std::fmt::Display| corrupt(format!("ods content.xml: {e}"));
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut writer = quick_xml::Writer::new(Vec::new());
    let mut buf = Vec::new();
    // Whether each open element is a text element (`text:p`, `text:span`…).
    let mut in_text: Vec<bool> = Vec::new();
    loop {
        buf.clear();
        let ev = reader.read_event_into(&mut buf).map_err(|e| bad(&e))?;
        match &ev {
            Event::Eof => break,
            Event::Start(e) => in_text.push(e.name().as_ref().starts_with("text:")),
            Event::End(_) => {
                in_text.pop();
            }
            Event::Text(t)
                if !in_text.last().copied().unwrap_or(false)
                    && t.bytes().all(|b| b.is_ascii_whitespace()) =>
            {
                continue;
            }
            _ => {}
        }
        writer.write_event(ev).map_err(|e| bad(&e))?;
    }
    Ok(writer.into_inner())
}

impl GridBuilder<'_> {
    /// Cells LibreOffice stored as formula errors become `CellValue::Error`.
    fn mark_errors(&mut self, errors: &HashSet<(u32, u32)>) {
        for &(r, c) in errors {
            if let Some(v) = self.grid.rows.get_mut(&r).and_then(|row| row.get_mut(&c)) {
                if let CellValue::Text(s) = v {
                    *v = CellValue::Error(std::mem::take(s));
                }
            }
        }
    }
}
